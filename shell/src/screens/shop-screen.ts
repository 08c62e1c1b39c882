import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.js';
import type { Session } from '../api/types.js';
import { LocaleController, t } from '../i18n/i18n.js';
import { sharedStyles } from '../styles.js';
import './shop-form.js';

/** Settings › Shop (permission kernel.shop). */
@customElement('cpt-settings-shop')
export class CptSettingsShop extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;
  private i18n = new LocaleController(this);
  static override styles = sharedStyles;

  override render() {
    return html`<div class="page">
      <div class="page-header"><h1>${t('settings.shop.title')}</h1></div>
      <div class="card">
        <cpt-shop-form .api=${this.api} @saved=${() => this.dispatchEvent(new CustomEvent('session-changed', { bubbles: true, composed: true }))}></cpt-shop-form>
      </div>
    </div>`;
  }
}
