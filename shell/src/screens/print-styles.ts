import { css } from 'lit';

/** Settings › Printing: the form beside its preview on a tablet or desktop, stacked on a phone. */
export const printScreenStyles = css`
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: 16px;
    align-items: start;
  }
  @media (max-width: 899px) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .pickers {
    display: flex;
    gap: 12px;
    flex-wrap: wrap;
    align-items: flex-end;
  }
  .pickers cpt-field {
    flex: 1 1 220px;
  }
  .langs {
    display: inline-flex;
    border: 1px solid var(--cpt-border-strong);
    border-radius: var(--cpt-radius-sm);
    overflow: hidden;
  }
  .langs button {
    min-height: var(--cpt-touch, 44px);
    min-width: 56px;
    border: 0;
    background: var(--cpt-surface);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .langs button + button {
    border-left: 1px solid var(--cpt-border-strong);
  }
  .langs button[aria-pressed='true'] {
    background: var(--cpt-primary);
    color: #fff;
  }
  form {
    display: flex;
    flex-direction: column;
    gap: 16px;
  }
  h2 {
    font-size: 1rem;
    margin: 8px 0 0;
  }
  textarea {
    min-height: 84px;
    resize: vertical;
  }
  .blocks {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 20px;
  }
  .logo {
    display: flex;
    align-items: center;
    gap: 12px;
    flex-wrap: wrap;
  }
  .logo img {
    max-width: 96px;
    max-height: 64px;
    object-fit: contain;
    border: 1px dashed var(--cpt-border-strong);
    border-radius: var(--cpt-radius-sm);
  }
  .file {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0 16px;
    border: 1px solid var(--cpt-border-strong);
    border-radius: var(--cpt-radius-sm);
    background: var(--cpt-surface);
    cursor: pointer;
    font-weight: 500;
    position: relative;
  }
  .file input {
    position: absolute;
    opacity: 0;
    width: 1px;
    height: 1px;
  }
  .preview {
    position: sticky;
    top: 12px;
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .preview-head {
    display: flex;
    align-items: center;
    gap: 12px;
    flex-wrap: wrap;
  }
  .preview-head h2 {
    flex: 1 1 auto;
    margin: 0;
  }
  iframe {
    width: 100%;
    height: 560px;
    border: 1px solid var(--cpt-border);
    border-radius: var(--cpt-radius-sm);
    background: #e9e9ee;
  }
  @media (max-width: 899px) {
    .preview {
      position: static;
    }
    iframe {
      height: 480px;
    }
  }
`;
