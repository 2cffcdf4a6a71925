import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A sign-in through the identity provider, between the redirect there and the way back (minutes at most). The
 * browser holds a random cookie; only its SHA-256 is stored, so the callback is bound to the browser that started
 * it, and state, nonce and the PKCE verifier never leave the server.
 */
@Entity('oidc_login')
export class OidcLogin {
  @PrimaryColumn({ type: 'char', length: 64 })
  idHash: string;

  @Column({ type: 'text' })
  state: string;

  @Column({ type: 'text' })
  nonce: string;

  @Column({ type: 'text' })
  codeVerifier: string;

  /** Where in the admin to land afterwards: a path of our own, never a full URL. */
  @Column({ type: 'text' })
  returnTo: string;

  /**
   * Set once the provider has said who it is while our own second factor is still owed (the user has TOTP on and
   * the organisation does not accept the provider's MFA): the row then waits for the code, and for nothing else.
   */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
