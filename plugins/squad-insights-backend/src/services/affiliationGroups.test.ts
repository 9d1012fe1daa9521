import { AffiliationGroups } from './affiliationGroups';
import {
  groupNameMatches,
  normalizeGroupName,
} from '@squad-insights/backstage-plugin-squad-insights-common';

describe('group names', () => {
  it('matches a name ignoring case, separators, kind and namespace, with the type word optional', () => {
    const chapter = {
      ref: 'group:default/backend-engineering-chapter',
      names: ['Backend Engineering'],
    };
    for (const value of [
      'Backend Engineering',
      'backend_engineering',
      'BACKEND-ENGINEERING-CHAPTER',
      'Chapter Backend Engineering',
      'group:default/backend-engineering-chapter',
      '  backend  engineering  ',
    ]) {
      expect({
        value,
        matches: groupNameMatches(value, chapter, 'chapter'),
      }).toEqual({ value, matches: true });
    }
    for (const value of [
      'Backend',
      'Backend Engineering Guild',
      '',
      'frontend-engineering-chapter',
    ]) {
      expect({
        value,
        matches: groupNameMatches(value, chapter, 'chapter'),
      }).toEqual({ value, matches: false });
    }
    expect(normalizeGroupName('Commerce Tribe', 'tribe')).toBe('commerce');
    expect(normalizeGroupName('Commerce Tribe')).toBe('commerce tribe');
  });
});

describe('AffiliationGroups', () => {
  const groups = new AffiliationGroups([
    {
      ref: 'group:default/sre-chapter',
      names: ['Site Reliability'],
      type: 'chapter',
    },
    { ref: 'group:default/platform-sre', names: ['SRE'], type: 'chapter' },
    { ref: 'group:default/sre-guild', names: [], type: 'guild' },
    { ref: 'group:default/data', names: ['Data Engineering'], type: 'squad' },
  ]);

  it('resolves a name to a group of the asked type only', () => {
    expect(groups.resolve('chapter', 'Site reliability')).toBe(
      'group:default/sre-chapter',
    );
    expect(groups.resolve('guild', 'SRE Guild')).toBe(
      'group:default/sre-guild',
    );
    expect(groups.resolve('guild', 'Data Engineering')).toBeUndefined();
    expect(groups.resolve('chapter', undefined)).toBeUndefined();
    expect(groups.resolve('chapter', '  ')).toBeUndefined();
  });

  it('prefers the group whose entity name is the value, and breaks other ties by ref', () => {
    const exact = new AffiliationGroups([
      { ref: 'group:default/a-chapter', names: ['Payments'], type: 'chapter' },
      { ref: 'group:default/payments', names: [], type: 'chapter' },
    ]);
    expect(exact.resolve('chapter', 'payments')).toBe('group:default/payments');
    // "SRE" is the SRE chapter's name without its type word and the platform chapter's title:
    // ambiguous, so the same one every time, whatever order the catalog lists them in.
    expect(groups.resolve('chapter', 'SRE')).toBe('group:default/platform-sre');
    expect(groups.resolve('chapter', 'sre-chapter')).toBe(
      'group:default/sre-chapter',
    );
    expect(groups.resolve('chapter', 'group:default/sre-chapter')).toBe(
      'group:default/sre-chapter',
    );
  });
});
