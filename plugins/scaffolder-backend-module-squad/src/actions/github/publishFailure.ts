import { CustomErrorBase } from '@backstage/errors';

/** A repository that exists on GitHub after (part of) a publish run. */
export interface ExistingRepository {
  name: string;
  url: string;
  created: boolean;
}

/**
 * Thrown when publishing stops part-way: its message is the whole story for the person
 * reading the task log — what exists, what failed and why, and how to finish or clean up.
 *
 * @public
 */
export class PartialPublishError extends CustomErrorBase {
  name = 'PartialPublishError' as const;

  constructor(options: {
    owner: string;
    failed: string;
    cause: Error;
    existing: ExistingRepository[];
    pending: string[];
  }) {
    const { owner, failed, cause, existing, pending } = options;
    const lines = [
      `Publishing to ${owner} stopped at ${owner}/${failed}: ${cause.message}`,
      existing.length
        ? `These repositories exist now:\n${existing
            .map(r => `  - ${r.url} (${r.created ? 'created by this run' : 'reused from an earlier run'})`)
            .join('\n')}`
        : 'No repository was created.',
      ...(pending.length ? [`Not created yet: ${pending.map(n => `${owner}/${n}`).join(', ')}`] : []),
      'To finish: fix the cause above and run the task again (retry or start over with the same values); repositories marked squad-insights-managed are reused, not created twice.',
      ...(existing.some(r => r.created)
        ? [
            `To clean up instead: delete ${existing
              .filter(r => r.created)
              .map(r => r.url)
              .join(' and ')} (Settings → Danger Zone → Delete this repository, or \`gh repo delete <owner>/<name>\`).`,
          ]
        : []),
    ];
    // The cause's message is already in the first line; keep the error itself for logs only.
    super(lines.join('\n'));
    Object.defineProperty(this, 'cause', { value: cause, enumerable: false });
  }
}
