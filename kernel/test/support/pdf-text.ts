// The PDF text reader moved to `@comptoir/kernel/testing` (`pdfPages`, `pdfTexts`); kept here for the tests that import this path.
export { pdfPages, pdfTexts } from '@comptoir/kernel/testing';
