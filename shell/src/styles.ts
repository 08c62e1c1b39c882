import { css } from 'lit';

/**
 * Shared styles for shadow roots (the design tokens are CSS custom properties defined on :root
 * in index.html, so they pierce shadow roots). Plugins add `sharedStyles` to their
 * `static styles` to get consistent inputs, buttons, cards, toolbars and form grids.
 */
export const sharedStyles = css`
  :host {
    font-family: var(--cpt-font);
    color: var(--cpt-text);
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  :focus-visible {
    outline: 3px solid var(--cpt-focus);
    outline-offset: 2px;
  }
  h1,
  h2,
  h3 {
    margin: 0;
    font-weight: 600;
    line-height: 1.25;
  }
  h1 {
    font-size: 1.375rem;
  }
  h2 {
    font-size: 1.125rem;
  }
  h3 {
    font-size: 1rem;
  }
  input:not([type='checkbox']):not([type='radio']):not([type='file']),
  select,
  textarea {
    box-sizing: border-box;
    font: inherit;
    color: inherit;
    width: 100%;
    min-height: var(--cpt-touch);
    padding: 0 12px;
    border: 1px solid var(--cpt-border-strong);
    border-radius: var(--cpt-radius-sm);
    background: var(--cpt-surface);
    transition: border-color 0.12s, box-shadow 0.12s;
  }
  textarea {
    padding: 10px 12px;
    min-height: 88px;
    resize: vertical;
  }
  select {
    padding-right: 32px;
    appearance: none;
    background-image: linear-gradient(45deg, transparent 50%, currentColor 50%), linear-gradient(135deg, currentColor 50%, transparent 50%);
    background-position: calc(100% - 18px) 50%, calc(100% - 13px) 50%;
    background-size: 5px 5px;
    background-repeat: no-repeat;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: none;
    border-color: var(--cpt-focus);
    box-shadow: 0 0 0 3px var(--cpt-focus-ring);
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--cpt-danger);
  }
  input:not([type='checkbox']):not([type='radio']):not([type='file']):disabled,
  select:disabled,
  textarea:disabled {
    background: var(--cpt-bg);
    color: var(--cpt-muted);
  }
  input[type='checkbox'] {
    width: 22px;
    height: 22px;
    margin: 0;
    accent-color: var(--cpt-primary);
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 10px;
    min-height: var(--cpt-touch);
    cursor: pointer;
    user-select: none;
  }
  .page {
    display: flex;
    flex-direction: column;
    gap: 16px;
    padding: 20px;
    max-width: 1200px;
    margin: 0 auto;
  }
  .page-header {
    display: flex;
    align-items: center;
    gap: 12px;
    flex-wrap: wrap;
  }
  .page-header h1 {
    flex: 1 1 auto;
  }
  .toolbar {
    display: flex;
    gap: 12px;
    align-items: flex-end;
    flex-wrap: wrap;
  }
  .toolbar > .grow {
    flex: 1 1 240px;
  }
  .card {
    background: var(--cpt-surface);
    border: 1px solid var(--cpt-border);
    border-radius: var(--cpt-radius);
    box-shadow: var(--cpt-shadow);
    padding: 20px;
  }
  .form-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
    gap: 16px 20px;
  }
  .form-grid .wide {
    grid-column: 1 / -1;
  }
  .actions {
    display: flex;
    gap: 12px;
    justify-content: flex-end;
    flex-wrap: wrap;
  }
  .muted {
    color: var(--cpt-muted);
  }
  .sub {
    display: block;
    color: var(--cpt-muted);
    font-size: 0.8125rem;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    max-width: 460px;
  }
  .strong {
    font-weight: 600;
  }
  .badge {
    display: inline-block;
    padding: 2px 8px;
    border-radius: 999px;
    font-size: 0.8125rem;
    font-weight: 500;
    background: var(--cpt-bg);
    color: var(--cpt-muted);
    border: 1px solid var(--cpt-border);
    white-space: nowrap;
  }
  .badge.success {
    background: var(--cpt-success-soft);
    color: var(--cpt-success);
    border-color: transparent;
  }
  .badge.warning {
    background: var(--cpt-warning-soft);
    color: var(--cpt-warning);
    border-color: transparent;
  }
  .badge.primary {
    background: var(--cpt-primary-soft);
    color: var(--cpt-primary);
    border-color: transparent;
  }
  .alert {
    padding: 12px 16px;
    border-radius: var(--cpt-radius-sm);
    border: 1px solid transparent;
    line-height: 1.4;
  }
  .alert.error {
    background: var(--cpt-danger-soft);
    color: var(--cpt-danger);
    border-color: #f3c4bf;
  }
  .alert.info {
    background: var(--cpt-primary-soft);
    color: var(--cpt-primary-strong);
  }
  .alert.warning {
    background: var(--cpt-warning-soft);
    color: var(--cpt-warning);
  }
  .mono {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-variant-numeric: tabular-nums;
  }
  .num {
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  @media (max-width: 767px) {
    .page {
      padding: 12px;
    }
    .card {
      padding: 14px;
    }
  }
`;
