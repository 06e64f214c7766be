import { describe, expect, it } from 'vitest';
import { parsePgUrl } from './parse-pg-url.js';

describe('parsePgUrl', () => {
  it('masks the password in the location and keeps it in the connection string', () => {
    const t = parsePgUrl('postgres://cs:s3cret@db.example:5432/cs');
    expect(t.location).toBe('postgres://cs:***@db.example:5432/cs');
    expect(t.connectionString).toContain('s3cret');
    expect(t.schema).toBe('public');
  });

  it('takes the schema from ?schema= and leaves it out of the connection string', () => {
    const t = parsePgUrl('postgresql://cs@db/cs?schema=team_1&sslmode=require');
    expect(t.schema).toBe('team_1');
    const sent = new URL(t.connectionString);
    expect(sent.searchParams.get('schema')).toBeNull();
    expect(sent.searchParams.get('sslmode')).toBe('require');
    expect(sent.searchParams.get('options')).toBe('-c search_path=team_1');
    expect(t.location).toBe('postgresql://cs@db/cs?schema=team_1&sslmode=require');
  });

  it('keeps start-up options the URL already has', () => {
    const t = parsePgUrl('postgres://db/cs?options=-c%20statement_timeout%3D5000');
    expect(new URL(t.connectionString).searchParams.get('options')).toBe(
      '-c statement_timeout=5000 -c search_path=public',
    );
  });

  it('lets the schema option win over the URL', () => {
    const t = parsePgUrl('postgres://cs@db/cs?schema=a', 'b');
    expect(t.schema).toBe('b');
    expect(t.location).toBe('postgres://cs@db/cs?schema=b');
  });

  it.each([
    ['not a url', 'is not a URL'],
    ['mysql://db/cs', 'must start with postgres://'],
    ['postgres://db/cs?schema=Team', 'is not usable'],
    ['postgres://db/cs?schema=a;drop', 'is not usable'],
  ])('refuses %s with E_CONFIG', (url, message) => {
    expect(() => parsePgUrl(url)).toThrow(
      expect.objectContaining({ code: 'E_CONFIG', message: expect.stringContaining(message) }),
    );
  });
});
