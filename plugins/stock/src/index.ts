import { stockPlugin } from './plugin.js';

export { stockPlugin };
export { StockService, MOVEMENT_KINDS, SHOP_LOCATION, NEGATIVE_SETTING, weightedAverage, type MovementKind, type MovementInput, type Movement, type NegativePolicy } from './services/stock.service.js';
export { LevelsService, type Level, type LevelQuery, type Valuation } from './services/levels.service.js';
export { StockErrors, formatQuantity } from './messages.js';
export default stockPlugin;
