import { css } from 'lit';
import { sharedStyles } from '../styles.js';

/** The styles of <cpt-app>: the frame (header, navigation rail or drawer, main area), home tiles, states. */
export const appStyles = [
  sharedStyles,
  css`
    :host {
      display: block;
      min-height: 100dvh;
      background: var(--cpt-bg);
    }
    .center {
      min-height: 100dvh;
      display: grid;
      place-items: center;
      padding: 24px;
      text-align: center;
    }
    .spinner {
      width: 36px;
      height: 36px;
      border: 3px solid var(--cpt-border);
      border-top-color: var(--cpt-primary);
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
      margin: 0 auto 12px;
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }
    /* ---------- frame ---------- */
    .frame {
      display: grid;
      grid-template-columns: var(--rail-width, 104px) 1fr;
      grid-template-rows: 60px 1fr;
      grid-template-areas: 'top top' 'nav main';
      height: 100dvh;
    }
    header.top {
      grid-area: top;
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 0 12px 0 8px;
      background: var(--cpt-surface);
      border-bottom: 1px solid var(--cpt-border);
      min-width: 0;
      z-index: 20;
    }
    .hamburger {
      display: none;
    }
    .brand {
      display: flex;
      align-items: center;
      gap: 10px;
      min-height: 44px;
      padding: 0 10px;
      border-radius: var(--cpt-radius-sm);
      color: var(--cpt-text);
      text-decoration: none;
      font-weight: 700;
      font-size: 1.0625rem;
      min-width: 0;
    }
    .brand .mark {
      flex: none;
      width: 34px;
      height: 34px;
      border-radius: 8px;
      display: grid;
      place-items: center;
      background: var(--cpt-primary);
      color: var(--cpt-on-primary);
    }
    .brand img {
      height: 34px;
      max-width: 80px;
      object-fit: contain;
    }
    .brand {
      flex: none;
      max-width: 40%;
    }
    .brand .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      min-height: 32px;
      padding: 0 10px;
      border-radius: 999px;
      background: var(--cpt-bg);
      border: 1px solid var(--cpt-border);
      color: var(--cpt-muted);
      font-size: 0.875rem;
      white-space: nowrap;
      /* The station chip gives way first: the shop's and the user's names stay whole. */
      flex: 0 1 auto;
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .chip.warn {
      color: var(--cpt-warning);
      background: var(--cpt-warning-soft);
      border-color: transparent;
    }
    .spacer {
      flex: 1;
    }
    header.top > cpt-button,
    header.top > cpt-lang-switch {
      flex: none;
    }
    .user {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      font-weight: 500;
      white-space: nowrap;
      flex: none;
      max-width: 260px;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    /* Between phone and wide desktop, "Sign out" is its icon (with its name as label and tooltip). */
    @media (max-width: 1199px) {
      .logout-label {
        display: none;
      }
    }
    .avatar {
      flex: none;
      width: 32px;
      height: 32px;
      border-radius: 50%;
      display: grid;
      place-items: center;
      background: var(--cpt-primary-soft);
      color: var(--cpt-primary);
      font-weight: 700;
      font-size: 0.8125rem;
    }
    /* ---------- navigation ---------- */
    nav.nav {
      grid-area: nav;
      background: var(--cpt-surface);
      border-right: 1px solid var(--cpt-border);
      overflow-y: auto;
      overflow-x: hidden;
      scrollbar-width: thin;
      overflow-wrap: anywhere;
      padding: 8px 6px 16px;
      z-index: 15;
    }
    .group-label {
      font-size: 0.6875rem;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.05em;
      color: var(--cpt-muted);
      padding: 14px 6px 4px;
      text-align: center;
    }
    .nav a {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 4px;
      min-height: 64px;
      padding: 8px 4px;
      margin: 2px 0;
      border-radius: var(--cpt-radius);
      color: var(--cpt-muted);
      text-decoration: none;
      font-size: 0.75rem;
      font-weight: 500;
      text-align: center;
      line-height: 1.2;
    }
    .nav a:hover {
      background: var(--cpt-hover);
      color: var(--cpt-text);
    }
    .nav a[aria-current='page'] {
      background: var(--cpt-primary-soft);
      color: var(--cpt-primary-strong);
      font-weight: 600;
    }
    .nav a:focus-visible {
      outline: 3px solid var(--cpt-focus);
      outline-offset: -3px;
    }
    .drawer-head {
      display: none;
      flex-direction: column;
      gap: 6px;
      padding: 4px 14px 12px;
      margin-bottom: 4px;
      border-bottom: 1px solid var(--cpt-border);
      font-size: 0.9375rem;
    }
    .drawer-head .who {
      display: flex;
      align-items: center;
      gap: 10px;
      font-weight: 600;
    }
    .drawer-head .where {
      color: var(--cpt-muted);
      font-size: 0.875rem;
    }
    main {
      grid-area: main;
      overflow: auto;
      min-width: 0;
      outline: none;
      position: relative;
    }
    .scrim {
      display: none;
    }
    /* Wide screens: labelled rail. */
    @media (min-width: 1200px) {
      .frame {
        --rail-width: 232px;
      }
      .nav a {
        flex-direction: row;
        justify-content: flex-start;
        gap: 12px;
        min-height: 48px;
        padding: 0 14px;
        font-size: 0.9375rem;
        text-align: start;
      }
      .group-label {
        text-align: start;
        padding-left: 14px;
      }
    }
    /* Phones: hamburger + drawer. */
    @media (max-width: 767px) {
      .frame {
        grid-template-columns: 1fr;
        grid-template-rows: 56px 1fr;
        grid-template-areas: 'top' 'main';
      }
      .hamburger {
        display: inline-flex;
      }
      .chip.station,
      .user,
      .help,
      .logout-label {
        display: none;
      }
      header.top {
        gap: 4px;
        padding: 0 4px;
      }
      .brand {
        padding: 0 4px;
        flex: 1 1 auto;
      }
      .spacer {
        display: none;
      }
      .drawer-head {
        display: flex;
      }
      nav.nav {
        position: fixed;
        top: 0;
        bottom: 0;
        left: 0;
        width: min(300px, 84vw);
        transform: translateX(-100%);
        transition: transform 0.2s ease;
        box-shadow: 0 0 40px rgba(16, 24, 40, 0.25);
        padding-top: 16px;
        z-index: 40;
      }
      .frame.nav-open nav.nav {
        transform: none;
      }
      .frame.nav-open .scrim {
        display: block;
        position: fixed;
        inset: 0;
        background: rgba(16, 24, 40, 0.4);
        z-index: 30;
      }
      .nav a {
        flex-direction: row;
        justify-content: flex-start;
        gap: 12px;
        min-height: 48px;
        padding: 0 14px;
        font-size: 1rem;
      }
      .group-label {
        text-align: start;
        padding-left: 14px;
      }
    }
    /* ---------- home ---------- */
    .hello {
      font-size: 1.5rem;
    }
    .tiles {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      gap: 14px;
    }
    .tile {
      display: flex;
      flex-direction: column;
      gap: 12px;
      padding: 18px;
      min-height: 120px;
      border-radius: var(--cpt-radius);
      background: var(--cpt-surface);
      border: 1px solid var(--cpt-border);
      box-shadow: var(--cpt-shadow);
      color: var(--cpt-text);
      text-decoration: none;
      font-weight: 600;
    }
    .tile .ic {
      width: 44px;
      height: 44px;
      border-radius: 10px;
      display: grid;
      place-items: center;
      background: var(--cpt-primary-soft);
      color: var(--cpt-primary);
    }
    .tile:hover {
      border-color: var(--cpt-primary);
    }
    .tile:focus-visible {
      outline: 3px solid var(--cpt-focus);
      outline-offset: 2px;
    }
    .tile .grp {
      font-size: 0.8125rem;
      font-weight: 500;
      color: var(--cpt-muted);
    }
    .state {
      max-width: 520px;
      margin: 10vh auto;
      text-align: center;
      display: flex;
      flex-direction: column;
      gap: 14px;
      align-items: center;
    }
    .state .big {
      color: var(--cpt-muted);
    }
    kbd {
      display: inline-block;
      min-width: 28px;
      padding: 2px 8px;
      border: 1px solid var(--cpt-border-strong);
      border-bottom-width: 2px;
      border-radius: 6px;
      background: var(--cpt-bg);
      font-family: inherit;
      font-size: 0.875rem;
      text-align: center;
    }
    .shortcut-list {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 10px 16px;
      align-items: center;
      margin: 0;
    }
    .shortcut-list dd {
      margin: 0;
    }
  `,
];
