import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.js';
import { type Session } from '../api/types.js';
import { LocaleController, t } from '../i18n/i18n.js';
import { icon } from '../icons.js';
import { sharedStyles } from '../styles.js';
import '../elements/button.js';
import '../elements/lang-switch.js';
import '../screens/shop-form.js';

/**
 * <cpt-shop-setup> — first-run shop setup, shown when shop.configured is false and the user
 * holds kernel.shop. Events: `saved`, `sign-out`, `language-change` { language }.
 */
@customElement('cpt-shop-setup')
export class CptShopSetup extends LitElement {
  @property({ attribute: false }) api!: ApiClient;
  @property({ attribute: false }) session!: Session;
  private i18n = new LocaleController(this);

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        min-height: 100dvh;
        padding: 32px 16px;
        background: linear-gradient(160deg, var(--cpt-primary-soft) 0%, var(--cpt-bg) 50%);
      }
      .wrap {
        max-width: 820px;
        margin: 0 auto;
        display: flex;
        flex-direction: column;
        gap: 16px;
      }
      .head {
        display: flex;
        align-items: center;
        gap: 14px;
      }
      .head .mark {
        width: 48px;
        height: 48px;
        border-radius: 12px;
        display: grid;
        place-items: center;
        background: var(--cpt-primary);
        color: var(--cpt-on-primary);
        flex: none;
      }
      .head .text {
        flex: 1;
      }
    `,
  ];

  override render() {
    return html`<div class="wrap" data-testid="shop-setup">
      <div class="head">
        <span class="mark">${icon('store', 26)}</span>
        <div class="text">
          <h1>${t('setup.title')}</h1>
          <p class="muted" style="margin:4px 0 0">${t('setup.intro')}</p>
        </div>
        <cpt-lang-switch></cpt-lang-switch>
      </div>
      <div class="card">
        <cpt-shop-form setup .api=${this.api} @saved=${(e: Event) => (e.stopPropagation(), this.dispatchEvent(new CustomEvent('saved')))}></cpt-shop-form>
      </div>
      <div class="actions">
        <cpt-button variant="ghost" icon="logout" data-testid="logout" @click=${() => this.dispatchEvent(new CustomEvent('sign-out'))}>${t('header.signOut')}</cpt-button>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpt-shop-setup': CptShopSetup;
  }
}
