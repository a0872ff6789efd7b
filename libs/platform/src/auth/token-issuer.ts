import { Inject, Injectable } from '@nestjs/common';
import { Command, Option } from 'commander';
import { SignJWT } from 'jose';
import { type JwtSettings, jwtSettingsFromEnv, LOCAL_KEY_ALG, loadOrCreateLocalKeys } from './jwt-keys.js';
import { principalFromClaims, TOKEN_ROLES, type TokenRole } from './principal.js';
import { JWT_SETTINGS } from './token-verifier.js';

export interface IssueTokenInput {
  role: TokenRole | TokenRole[];
  sub: string;
  /** ISO 3166-1 alpha-3; required for focal-point. */
  state?: string;
  name?: string;
  /** jose duration ("8h", "15m", "-1h" for an already expired token) or an absolute epoch second. */
  expiresIn?: string | number;
}

/** Signs development tokens with the local key. Production tokens come from the identity provider. */
@Injectable()
export class TokenIssuer {
  constructor(@Inject(JWT_SETTINGS) private readonly settings: JwtSettings) {}

  async issueToken(input: IssueTokenInput): Promise<string> {
    if (this.settings.jwksUrl) {
      throw new Error('CONVENE_JWKS_URL is set: the API would not accept locally signed tokens');
    }
    const roles = Array.isArray(input.role) ? input.role : [input.role];
    const claims = { sub: input.sub, roles, state: input.state, name: input.name };
    const checked = principalFromClaims(claims);
    if (typeof checked === 'string') throw new Error(`Cannot issue this token: ${checked}`);
    const { kid, privateKey } = await loadOrCreateLocalKeys(this.settings.dataDir);
    return new SignJWT({ roles, ...(input.state && { state: input.state }), ...(input.name && { name: input.name }) })
      .setProtectedHeader({ alg: LOCAL_KEY_ALG, kid, typ: 'JWT' })
      .setSubject(input.sub)
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setIssuedAt()
      .setExpirationTime(input.expiresIn ?? '8h')
      .sign(privateKey);
  }
}

export interface TokenCommandIo {
  env?: NodeJS.ProcessEnv;
  /** Where the token goes; stdout by default. */
  write?: (text: string) => void;
  /** Where usage errors go; stderr by default. */
  writeError?: (text: string) => void;
}

/** `token` sub-command for the convene CLI: `program.addCommand(createTokenCommand())`. */
export function createTokenCommand(io: TokenCommandIo = {}): Command {
  const env = io.env ?? process.env;
  const write = io.write ?? ((text: string) => process.stdout.write(text));
  return new Command('token')
    .configureOutput({ writeErr: io.writeError ?? ((text) => process.stderr.write(text)) })
    .description('Print a development bearer token signed with the local key')
    .addOption(new Option('--role <role>', 'role the token grants').choices(TOKEN_ROLES).makeOptionMandatory())
    .requiredOption('--sub <subject>', 'subject (user id)')
    .option('--state <alpha3>', 'ISO 3166-1 alpha-3 State of a focal point')
    .option('--name <name>', 'display name')
    .option('--expires-in <duration>', 'lifetime, e.g. 8h or 30m', '8h')
    .option('--data-dir <dir>', 'directory holding jwt-keys.json', env.CONVENE_DATA_DIR ?? '.convene')
    .action(async (options: { role: TokenRole; sub: string; state?: string; name?: string; expiresIn: string; dataDir: string }) => {
      const issuer = new TokenIssuer(jwtSettingsFromEnv(options.dataDir, env));
      const token = await issuer.issueToken({
        role: options.role,
        sub: options.sub,
        state: options.state,
        name: options.name,
        expiresIn: options.expiresIn,
      });
      write(`${token}\n`);
    });
}

/**
 * Runs `convene token ...` from the arguments after "token", e.g.
 * ['--role', 'secretariat', '--sub', 'alice']. Prints the token and returns it; rejects on bad arguments.
 */
export async function runTokenCommand(argv: string[], io: TokenCommandIo = {}): Promise<string> {
  const print = io.write ?? ((text: string) => process.stdout.write(text));
  let token = '';
  const write = (text: string) => {
    token = text.trim();
    print(text);
  };
  await createTokenCommand({ ...io, write }).exitOverride().parseAsync(argv, { from: 'user' });
  return token;
}
