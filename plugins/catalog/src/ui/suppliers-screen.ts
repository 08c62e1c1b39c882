import { customElement } from '@comptoir/shell';
import { PartyScreen } from './party-screen.js';

/** Suppliers list and editor (#/catalog/suppliers, #/catalog/suppliers/new, #/catalog/suppliers/<id>). */
@customElement('cpt-catalog-suppliers')
export class CatalogSuppliersScreen extends PartyScreen {
  protected readonly kind = 'supplier' as const;
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-catalog-suppliers': CatalogSuppliersScreen;
  }
}
