// The PDF text reader moved to `@comptoir/kernel/testing` (`pdfTexts`, `pdfPages`); kept here for the tests that import this path.
export { pdfTexts, pdfPages } from '@comptoir/kernel/testing';
