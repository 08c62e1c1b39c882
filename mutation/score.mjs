// Counts of a Stryker JSON report (mutation-testing-elements schema) and its mutation score.

/** Mutant counts per status and the score, (killed + timeout) / (all − ignored − errors), in percent. */
export function scoreOf(report) {
  const c = { total: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 };
  for (const file of Object.values(report.files)) {
    for (const m of file.mutants) {
      c.total++;
      if (m.status === 'Killed') c.killed++;
      else if (m.status === 'Timeout') c.timeout++;
      else if (m.status === 'Survived') c.survived++;
      else if (m.status === 'NoCoverage') c.noCoverage++;
      else if (m.status === 'Ignored') c.ignored++;
      else c.errors++;
    }
  }
  const valid = c.killed + c.timeout + c.survived + c.noCoverage;
  return { ...c, score: valid ? ((c.killed + c.timeout) / valid) * 100 : null };
}

/** The surviving and uncovered mutants of a report, as `file:line:column mutator → replacement`. */
export function survivorsOf(report) {
  const out = [];
  for (const [name, file] of Object.entries(report.files)) {
    for (const m of file.mutants) {
      if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
      out.push(`${name}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName} → ${JSON.stringify(m.replacement ?? '')}`);
    }
  }
  return out;
}
