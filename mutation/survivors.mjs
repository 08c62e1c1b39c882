#!/usr/bin/env node
// `node mutation/survivors.mjs <target>`: lists the mutants of the last report that no test killed.
import { readFileSync } from 'node:fs';
import { survivorsOf } from './score.mjs';

const name = process.argv[2];
if (!name) throw new Error('usage: node mutation/survivors.mjs <target>');
const report = JSON.parse(readFileSync(new URL(`reports/${name}.json`, import.meta.url), 'utf8'));
for (const line of survivorsOf(report)) console.log(line);
