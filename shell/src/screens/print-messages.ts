/** Messages of Settings › Printing, in the three languages side by side (each key has all three). */
import type { Dictionaries } from '../i18n/i18n.js';

const messages: Record<string, { fr: string; nl: string; en: string }> = {
  'print.intro': {
    fr: 'Adaptez les textes, le logo et les parties imprimées de chaque modèle, pour chaque langue. L’aperçu montre un exemple.',
    nl: 'Pas per taal de teksten, het logo en de afgedrukte delen van elk sjabloon aan. De voorvertoning toont een voorbeeld.',
    en: 'Adapt each template’s texts, logo and printed parts, for each language. The preview shows an example.',
  },
  'print.template': { fr: 'Modèle', nl: 'Sjabloon', en: 'Template' },
  'print.language': { fr: 'Langue du document', nl: 'Taal van het document', en: 'Document language' },
  'print.kind.receipt': { fr: 'Ticket', nl: 'Ticket', en: 'Receipt' },
  'print.kind.document': { fr: 'Document A4', nl: 'A4-document', en: 'A4 document' },
  'print.kind.label': { fr: 'Étiquette', nl: 'Etiket', en: 'Label' },
  'print.texts': { fr: 'Textes', nl: 'Teksten', en: 'Texts' },
  'print.defaultHint': { fr: 'Vide : « {text} »', nl: 'Leeg: ‘{text}’', en: 'Empty: “{text}”' },
  'print.blocks': { fr: 'Parties imprimées', nl: 'Afgedrukte delen', en: 'Printed parts' },
  'print.logo': { fr: 'Logo', nl: 'Logo', en: 'Logo' },
  'print.logoShop': { fr: 'Logo du magasin', nl: 'Logo van de winkel', en: 'The shop’s logo' },
  'print.logoPick': { fr: 'Choisir une image…', nl: 'Afbeelding kiezen…', en: 'Choose an image…' },
  'print.logoRemove': { fr: 'Reprendre le logo du magasin', nl: 'Logo van de winkel gebruiken', en: 'Use the shop’s logo' },
  'print.logoNotImage': { fr: 'Choisissez une image (PNG, JPEG ou SVG).', nl: 'Kies een afbeelding (PNG, JPEG of SVG).', en: 'Choose an image (PNG, JPEG or SVG).' },
  'print.preview': { fr: 'Aperçu', nl: 'Voorvertoning', en: 'Preview' },
  'print.previewFailed': { fr: 'L’aperçu n’a pas pu être produit : {error}', nl: 'De voorvertoning kon niet worden gemaakt: {error}', en: 'The preview could not be made: {error}' },
  'print.pdf': { fr: 'Ouvrir en PDF', nl: 'Openen als pdf', en: 'Open as PDF' },
  'print.save': { fr: 'Enregistrer', nl: 'Opslaan', en: 'Save' },
  'print.saved': { fr: 'Modèle « {template} » enregistré ({lang}).', nl: 'Sjabloon ‘{template}’ opgeslagen ({lang}).', en: 'Template “{template}” saved ({lang}).' },
  'print.reset': { fr: 'Revenir au modèle d’origine', nl: 'Terug naar het oorspronkelijke sjabloon', en: 'Back to the original template' },
  'print.resetDone': { fr: 'Modèle « {template} » remis à l’origine ({lang}).', nl: 'Sjabloon ‘{template}’ teruggezet ({lang}).', en: 'Template “{template}” back to the original ({lang}).' },
  'print.customised': { fr: 'Adapté (version {version})', nl: 'Aangepast (versie {version})', en: 'Adapted (version {version})' },
  'print.original': { fr: 'D’origine', nl: 'Oorspronkelijk', en: 'Original' },
  'print.discard': { fr: 'Abandonner les changements non enregistrés ?', nl: 'Niet-opgeslagen wijzigingen verwerpen?', en: 'Discard the unsaved changes?' },
  'print.none': { fr: 'Aucun modèle d’impression.', nl: 'Geen afdruksjablonen.', en: 'No print templates.' },
};

export const printMessages: Dictionaries = {
  fr: Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, v.fr])),
  nl: Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, v.nl])),
  en: Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, v.en])),
};
