import { customElement } from '@comptoir/shell';
import { PartyScreen } from './party-screen.js';

/** Customers list and editor (#/catalog/customers, #/catalog/customers/new, #/catalog/customers/<id>). */
@customElement('cpt-catalog-customers')
export class CatalogCustomersScreen extends PartyScreen {
  protected readonly kind = 'customer' as const;
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-catalog-customers': CatalogCustomersScreen;
  }
}
