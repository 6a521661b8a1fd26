import { PERMISSIONS, rolesAllow } from './permissions';

describe('rolesAllow', () => {
  it('lets a caseworker file and read but not reveal or manage accounts', () => {
    expect(rolesAllow(['COMMUNITY_CASEWORKER'], PERMISSIONS.applicationCreate)).toBe(true);
    expect(rolesAllow(['COMMUNITY_CASEWORKER'], PERMISSIONS.personalDataReveal)).toBe(false);
    expect(rolesAllow(['COMMUNITY_CASEWORKER'], PERMISSIONS.accountManage)).toBe(false);
  });

  it('grants the union of several roles and nothing for unknown ones', () => {
    expect(rolesAllow(['STREET_REVIEWER', 'AUDITOR'], PERMISSIONS.accessLogRead)).toBe(true);
    expect(rolesAllow(['KING'], PERMISSIONS.applicationRead)).toBe(false);
    expect(rolesAllow([], PERMISSIONS.applicationRead)).toBe(false);
  });
});
