/** Claims of an access token. Roles and division are read from the account on every request, not trusted from here. */
export interface AccessTokenClaims {
  sub: string;
  username: string;
  typ: 'access';
}
