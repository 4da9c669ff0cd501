import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDataDir, filesAt, findSourceFiles } from '../../../src/io/data/find-source-files.js';
import { writeTemp, removeTemp } from '../../core/compute/tiny-compute.js';

afterAll(removeTemp);

// Written in an order that is neither sorted nor reverse-sorted.
const dir = writeTemp({
  'spend_2025-02.csv': '',
  'spending.csv': '',
  'spend.csv': '',
  'spend-2025-01.csv.gz': '',
  'spend.xlsx': '',
  'SPEND_old.CSV': '',
  'survey_responses/2025-08.csv': '',
  'survey_responses/.hidden.csv': '',
  'survey_responses/2025-07.csv.gz': '',
  'survey_responses/notes.md': '',
  'survey_responses/2025-09.txt': '',
  'survey_responses.csv': '',
});

describe('findSourceFiles', () => {
  it('matches <source>.csv and <source><separator>*.csv[.gz], sorted by name, but not a longer word (spending.csv)', () => {
    expect(findSourceFiles(dir, 'spend')).toEqual(['spend-2025-01.csv.gz', 'spend.csv', 'spend_2025-02.csv'].map((n) => join(dir, n)));
  });

  it('takes every data file in <source>/ (not hidden or non-data files) together with <source>.csv, sorted', () => {
    expect(findSourceFiles(dir, 'survey_responses')).toEqual(
      ['survey_responses.csv', 'survey_responses/2025-07.csv.gz', 'survey_responses/2025-08.csv', 'survey_responses/2025-09.txt'].map((n) => join(dir, n)),
    );
  });

  it('finds nothing for a source without files', () => {
    expect(findSourceFiles(dir, 'opportunities')).toEqual([]);
  });
});

describe('filesAt and checkDataDir', () => {
  it('--source takes a file or a folder of data files', () => {
    expect(filesAt(join(dir, 'spend.csv'), 'spend')).toEqual([join(dir, 'spend.csv')]);
    expect(filesAt(join(dir, 'survey_responses'), 'survey_responses')).toHaveLength(3);
  });

  it('says what is wrong with a path that is not there, an empty folder, or a file given as --data', () => {
    expect(() => filesAt(join(dir, 'nope.csv'), 'spend')).toThrow(`--source spend=${join(dir, 'nope.csv')}: no such file`);
    const empty = writeTemp({ 'readme.md': '' });
    expect(() => filesAt(empty, 'spend')).toThrow(`--source spend=${empty}: the folder holds no .csv or .csv.gz file`);
    expect(() => checkDataDir(join(dir, 'spend.csv'))).toThrow(`--data ${join(dir, 'spend.csv')}: is a file; give the folder that holds the exports (or use --source NAME=PATH)`);
    expect(() => checkDataDir(join(dir, 'missing'))).toThrow(`--data ${join(dir, 'missing')}: no such folder`);
  });
});
