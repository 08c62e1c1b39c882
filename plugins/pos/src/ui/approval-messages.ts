import type { Dictionaries } from '@comptoir/shell';

/** Messages of the manager's PIN approval dialog (merged by index.ts). */
export const approvalMessages: Dictionaries = {
  fr: {
    'pos.approval.title': 'Autorisation d’un responsable',
    'pos.approval.help': 'Un responsable choisit son nom et tape son code PIN pour autoriser cette seule action.',
    'pos.approval.user': 'Responsable',
    'pos.approval.pin': 'Code PIN',
    'pos.approval.ok': 'Autoriser',
    'pos.approval.cancel': 'Annuler',
    'pos.approval.needed': 'Sans ce droit, un responsable pourra autoriser l’action avec son code PIN.',
  },
  nl: {
    'pos.approval.title': 'Toestemming van een verantwoordelijke',
    'pos.approval.help': 'Een verantwoordelijke kiest zijn naam en typt zijn pincode om enkel deze handeling toe te staan.',
    'pos.approval.user': 'Verantwoordelijke',
    'pos.approval.pin': 'Pincode',
    'pos.approval.ok': 'Toestaan',
    'pos.approval.cancel': 'Annuleren',
    'pos.approval.needed': 'Zonder dit recht kan een verantwoordelijke de handeling met zijn pincode toestaan.',
  },
  en: {
    'pos.approval.title': 'Manager approval',
    'pos.approval.help': 'A manager picks their name and types their PIN to approve this one action.',
    'pos.approval.user': 'Manager',
    'pos.approval.pin': 'PIN',
    'pos.approval.ok': 'Approve',
    'pos.approval.cancel': 'Cancel',
    'pos.approval.needed': 'Without this permission, a manager can approve the action with their PIN.',
  },
};
