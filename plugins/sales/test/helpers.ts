// Articles and customers through the catalogue's API, and the fixed clock: shared with the other plugins' tests.
export { createTestArticle as createArticle, createTestCustomer as createCustomer, fixedClock } from '@comptoir/kernel/testing';
