import { css, sharedStyles } from '@comptoir/shell';

/** What the catalogue's editors (article, family, customer, supplier) share: the form, its header and its actions. */
export const editorStyles = [
  sharedStyles,
  css`
    form {
      display: flex;
      flex-direction: column;
      gap: 16px;
      min-width: 0;
    }
    .back {
      margin-left: -8px;
    }
    .section-title {
      font-size: 0.8125rem;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--cpt-muted);
      margin: 0 0 12px;
    }
    .mono-input {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace !important;
      letter-spacing: 0.02em;
    }
    .field-error {
      display: block;
      font-size: 0.875rem;
      color: var(--cpt-danger);
    }
    .sticky-actions {
      position: sticky;
      bottom: 0;
      background: linear-gradient(to top, var(--cpt-bg) 70%, transparent);
      padding: 12px 0 4px;
    }
  `,
];

/** The article editor: barcode rows, and the form beside the `catalog.article.aside` zone when it has widgets. */
export const articleEditorStyles = [
  ...editorStyles,
  css`
    .page {
      container-type: inline-size;
    }
    .page-header cpt-zone {
      margin-left: auto;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 16px;
      align-items: start;
    }
    /* Side by side only where the form keeps room for its two columns of fields. */
    @container (min-width: 900px) {
      .layout:has(> cpt-zone:not([empty])) {
        grid-template-columns: minmax(0, 1fr) minmax(260px, 320px);
      }
      .layout > cpt-zone {
        position: sticky;
        top: 16px;
      }
    }
    .barcodes {
      display: flex;
      flex-direction: column;
      gap: 10px;
    }
    .barcode {
      display: grid;
      grid-template-columns: 1fr 170px 44px;
      gap: 8px;
      align-items: start;
    }
    .barcode .err {
      grid-column: 1 / -1;
      margin-top: -4px;
    }
    .empty-barcodes {
      color: var(--cpt-muted);
      font-size: 0.9375rem;
      margin: 0;
    }
    .scan-hint {
      margin-left: 8px;
      font-size: 0.875rem;
    }
    @media (max-width: 600px) {
      .barcode {
        grid-template-columns: 1fr 44px;
      }
      .barcode select {
        grid-column: 1 / 2;
        grid-row: 2;
      }
    }
  `,
];
