import { StateSourceError } from './StateSourceError';

describe('StateSourceError', () => {
  it('names source, key and HTTP status', () => {
    const error = new StateSourceError({
      sourceId: 'demo',
      key: 'a/b.tfstate',
      reason: 'could not be read',
      status: 502,
    });
    expect(error.name).toBe('StateSourceError');
    expect(error.message).toBe(
      'Terraform state demo:a/b.tfstate could not be read: HTTP 502 Bad Gateway',
    );
    expect(error).toMatchObject({
      sourceId: 'demo',
      key: 'a/b.tfstate',
      status: 502,
    });
  });

  it('keeps the cause but masks known secrets that a lower-level message carried', () => {
    const cause = new Error(
      'request to https://ci:hunter22-s3cr3t@host failed',
    );
    const error = new StateSourceError({
      sourceId: 'demo',
      key: 'x',
      reason: 'could not be read',
      cause,
      secrets: ['hunter22-s3cr3t', undefined],
    });
    expect(error.message).toBe(
      'Terraform state demo:x could not be read; caused by Error: request to https://ci:***@host failed',
    );
    expect(error.cause).toBe(cause);
  });
});
