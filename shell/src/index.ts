/**
 * @comptoir/shell — public API for plugin UIs.
 *
 * Plugins import everything they need from here (including Lit itself, re-exported so that
 * plugin packages do not need their own dependency on it and share the shell's single copy).
 */

// Lit (re-exported)
export { LitElement, html, css, svg, nothing, noChange, unsafeCSS } from 'lit';
export type { TemplateResult, PropertyValues, CSSResultGroup, ReactiveController, ReactiveControllerHost } from 'lit';
export { customElement, property, state, query, queryAll } from 'lit/decorators.js';
export { repeat } from 'lit/directives/repeat.js';
export { classMap } from 'lit/directives/class-map.js';
export { ifDefined } from 'lit/directives/if-defined.js';
export { live } from 'lit/directives/live.js';

// Plugin contract
export type { PluginUi, ScreenElement, WidgetElement, UiPlugin, UiScreen, UiWidget } from './plugin-api.js';
export { definePluginUi } from './plugin-api.js';
export { CptZone } from './zones/zone.js';

// API
export { ApiClient, ApiError, isApiError } from './api/client.js';
export type { ApiClientOptions, Query, RequestOptions } from './api/client.js';
export { hasPermission, LANGUAGES } from './api/types.js';
export type {
  Country,
  FieldError,
  Language,
  NotificationEvent,
  Page,
  PluginRecord,
  Problem,
  Role,
  Session,
  SessionUser,
  ShopInfo,
  ShopSettings,
  SignedOutInfo,
  Station,
  StationInfo,
  UserRecord,
} from './api/types.js';

// i18n & formatting
export {
  i18n,
  I18n,
  t,
  formatMoney,
  formatAmount,
  formatNumber,
  formatRate,
  formatDate,
  formatDateTime,
  formatDay,
  countryName,
  isLanguage,
  LocaleController,
} from './i18n/i18n.js';
export type { Dictionaries, LocalizedText, Messages, TranslateParams } from './i18n/i18n.js';
export { parseMoney, parseDecimal, normalizeDecimal, formatDayIn, parseDayIn } from './i18n/format.js';

// Notifications
export { toast, toastError, dismissToast, errorMessage, errorDetail } from './notify.js';
export type { Toast, ToastLevel } from './notify.js';

// Routing
export { navigate, href, currentRoute, onRouteChange, parseHash } from './router.js';
export type { Route, ScreenRoute } from './router.js';

// Input: shortcuts and barcode scanning
export { inputService, shortcuts, registerShortcut, ShortcutController, InputService, isEditable, deepActiveElement } from './input/input-service.js';
export { ScanDetector, isPrintable } from './input/scan-detector.js';
export type { ScanDetectorOptions, ScanFeedResult } from './input/scan-detector.js';
export { ShortcutRegistry, matchesShortcut, parseShortcut } from './input/shortcuts.js';
export type { KeyLike, ShortcutDefinition } from './input/shortcuts.js';

// Shared elements
export { CptButton } from './elements/button.js';
export { CptDataTable } from './elements/data-table.js';
export type { Column } from './elements/data-table.js';
export { CptSearchField } from './elements/search-field.js';
export { CptDialog, confirmDialog, dialogIsOpen, offerScanToDialogs } from './elements/dialog.js';
export type { ScanOffer } from './elements/dialog.js';
export type { ConfirmOptions } from './elements/dialog.js';
export { CptField } from './elements/field.js';
export { CptDateField } from './elements/date-field.js';
export { CptKeypad } from './elements/keypad.js';
export { CptNumericField } from './elements/numeric-field.js';
export type { NumericMode, NumericChange } from './elements/numeric-field.js';
export { CptToaster } from './elements/toaster.js';
export { CptLangSwitch } from './elements/lang-switch.js';

// Styles, icons, form helpers
export { sharedStyles } from './styles.js';
export { icon, hasIcon } from './icons.js';
export { submitOnEnter, splitFieldErrors, imageFileToDataUrl } from './forms.js';

// Editing: one controller for forms (load, save, field errors, conflicts, numbers in words), unsaved-work guard
export { FormController, formAlerts } from './editing/form-controller.js';
export type { FormOptions, OtherFieldError } from './editing/form-controller.js';
export { registerLeaveGuard, unsavedWork, confirmLeave } from './editing/leave-guard.js';
export type { LeaveGuard } from './editing/leave-guard.js';
export { initials, focusWhenShown } from './util.js';
