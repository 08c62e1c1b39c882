import type { FastifyReply } from 'fastify';
import { DomainError, NotFoundError, ValidationError, VersionConflictError, localize, type FieldError } from '../errors.js';
import { Role, Session, Shop, Station, User } from '../entities/index.js';
import type { Kernel } from '../kernel.js';
import { newToken, tokenHash, SESSION_HOURS, type AuthContext, type UserInput } from '../auth/auth.service.js';
import { listPlugins, setPluginEnabled } from '../plugin/manager.js';
import { getCountryRules, normalizeShopVatNumber } from '../money/index.js';
import type { RouteContext, RouteRegistrar } from './routes.js';
import { schemas } from './input.js';
import { SESSION_COOKIE, STATION_COOKIE, loadRequestContext } from './request-context.js';

const id = { type: 'object', required: ['id'], properties: { id: schemas.id } } as const;
const lang = { type: 'string', enum: ['fr', 'nl', 'en'] } as const;

type SignInState = { pinLocked: boolean; lastSignInAt: Date | null } | undefined;

function userJson(u: User, state: SignInState) {
  return {
    id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, language: u.language, active: u.active,
    hasPassword: !!u.passwordHash, hasPin: !!u.pinHash, pinLocked: state?.pinLocked ?? false, lastSignInAt: state?.lastSignInAt ?? null, version: u.version,
  };
}

function shopJson(s: Shop) {
  return {
    name: s.name, street: s.street, postalCode: s.postalCode, city: s.city, country: s.country, vatNumber: s.vatNumber,
    email: s.email, phone: s.phone, currency: s.currency, language: s.language, logo: s.logo, configured: s.configured,
    locale: `${s.language}-${s.country}`, version: s.version,
  };
}

const stationJson = (s: Station | null) => (s ? { id: s.id, number: s.number, name: s.name } : null);

function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  void reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', secure, maxAge: SESSION_HOURS * 3600 });
}

/** The kernel's own routes: health, session and sign-in, shop, stations, users, roles, plugins, journal, events. */
export function kernelRoutes(r: RouteRegistrar, kernel: Kernel): void {
  // The enabled plugins do not change while the server runs (enabling one takes a restart).
  let plugins: Array<{ name: string; version: string }> | null = null;
  const enabledPlugins = () => (plugins ??= kernel.enabled.map((p) => ({ name: p.name, version: p.version })));
  /** A user as the API shows it, with their sign-in state. */
  const oneUser = async (em: RouteContext['em'], u: User) => userJson(u, (await kernel.auth.signInStates(em, [u.id])).get(u.id));
  const sessionBody = async (ctx: RouteContext, auth: Pick<AuthContext, 'user' | 'session'> & { permissions?: Set<string> }, station: Station | null) => {
    const permissions = auth.permissions ?? await kernel.auth.permissionsOf(ctx.em, auth.user, kernel.permissionNames());
    return {
      user: { ...(await oneUser(ctx.em, auth.user)), permissions: [...permissions].sort() },
      station: stationJson(station),
      shop: shopJson(await ctx.shop()),
      plugins: enabledPlugins(),
      csrfToken: auth.session.csrfToken,
    };
  };

  // Monitors may ask many times a second: the database is asked at most once a second, and a failure never cached.
  let databaseSeenAt = -Infinity;
  let databaseCheck: Promise<void> | null = null;
  const checkDatabase = async () => {
    databaseCheck ??= kernel.orm.em.getConnection().execute('select 1')
      .then(() => { databaseSeenAt = performance.now(); })
      .finally(() => { databaseCheck = null; });
    await databaseCheck;
  };
  const health = () => ({ status: 'ok', version: kernel.version, database: kernel.db.dialect, plugins: enabledPlugins().map((p) => p.name) });

  r.get('/health', {
    permission: 'public', summary: 'Is the server up and its database reachable',
    description: 'The database is asked at most once a second; an unreachable database answers 500.',
    handler: async () => {
      if (performance.now() - databaseSeenAt >= 1000) await checkDatabase();
      return health();
    },
  });

  r.get('/session', {
    permission: 'public', summary: 'Who is signed in, at which station, with which rights (401 when nobody)',
    handler: async (req, ctx, reply) => {
      const c = await loadRequestContext(kernel, req);
      const shop = await ctx.shop();
      if (!c.auth) {
        return reply.status(401).type('application/problem+json').send({
          type: 'urn:comptoir:problem:auth-required', status: 401, code: 'AUTH_REQUIRED',
          title: localize({ fr: 'Connexion requise', nl: 'Aanmelding vereist', en: 'Sign-in required' }, ctx.lang),
          detail: localize({ fr: 'Connectez-vous pour continuer.', nl: 'Meld u aan om verder te gaan.', en: 'Sign in to continue.' }, ctx.lang),
          station: stationJson(c.station), shop: { name: shop.name, locale: `${shop.language}-${shop.country}`, language: shop.language, country: shop.country },
        });
      }
      return sessionBody(ctx, c.auth, c.auth.station);
    },
  });

  r.post<{ Body: { username: string; password: string } }>('/auth/login', {
    permission: 'public', summary: 'Sign in with a username and a password',
    schema: { body: { type: 'object', required: ['username', 'password'], additionalProperties: false, properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 200 } } } },
    handler: async (req, ctx, reply) => {
      const res = await kernel.auth.login(ctx.em, { ...req.body, ip: req.ip, station: ctx.station });
      setSessionCookie(reply, res.token, req.protocol === 'https');
      return sessionBody(ctx, res, ctx.station);
    },
  });

  r.get('/auth/station-users', {
    permission: 'public', summary: 'Users who may sign in with a PIN at this browser’s station',
    handler: async (_req, ctx) => {
      if (!ctx.station) throw new NotFoundError('STATION_UNKNOWN', { fr: 'Ce navigateur n’est pas enregistré comme poste.', nl: 'Deze browser is niet als post geregistreerd.', en: 'This browser is not registered as a station.' });
      const users = await ctx.em.find(User, { active: true, pinHash: { $ne: null } }, { orderBy: { displayName: 'asc' } });
      return users.map((u) => ({ id: u.id, displayName: u.displayName }));
    },
  });

  r.post<{ Body: { userId: number; pin: string } }>('/auth/pin', {
    permission: 'public', summary: 'Sign in with a PIN at a registered station (locked after 5 failures)',
    schema: { body: { type: 'object', required: ['userId', 'pin'], additionalProperties: false, properties: { userId: schemas.id, pin: { type: 'string', minLength: 1, maxLength: 16 } } } },
    handler: async (req, ctx, reply) => {
      if (!ctx.station) throw new DomainError('STATION_REQUIRED', { fr: 'La connexion par code PIN se fait depuis un poste enregistré.', nl: 'Aanmelden met pincode kan enkel op een geregistreerde post.', en: 'PIN sign-in works only at a registered station.' }, { status: 403 });
      const res = await kernel.auth.loginPin(ctx.em, { ...req.body, station: ctx.station });
      setSessionCookie(reply, res.token, req.protocol === 'https');
      return sessionBody(ctx, res, ctx.station);
    },
  });

  r.post<{ Body: { currentPassword: string; newPassword: string } }>('/auth/password', {
    permission: 'authenticated', summary: 'Change one’s own password; ends one’s other sessions, keeps this one',
    schema: { body: { type: 'object', required: ['currentPassword', 'newPassword'], additionalProperties: false, properties: {
      currentPassword: { type: 'string', minLength: 1, maxLength: 200 }, newPassword: { type: 'string', minLength: 1, maxLength: 200 } } } },
    handler: async (req, ctx) => {
      const c = await loadRequestContext(kernel, req);
      return kernel.auth.changeOwnPassword(ctx.em, { user: c.auth!.user, session: c.auth!.session, currentPassword: req.body.currentPassword, newPassword: req.body.newPassword, ip: req.ip });
    },
  });

  r.post('/auth/logout', {
    permission: 'authenticated', summary: 'Sign out', status: 204,
    handler: async (req, _ctx, reply) => {
      const c = await loadRequestContext(kernel, req);
      await kernel.auth.logout(c.em, c.auth!.session, c.auth!.user);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return undefined;
    },
  });

  // Shop identity.
  r.get('/shop', { permission: 'authenticated', summary: 'The shop’s identity', handler: async (_req, ctx) => shopJson(await ctx.shop()) });

  r.put<{ Body: Record<string, any> }>('/shop', {
    permission: 'kernel.shop', summary: 'Edit the shop’s identity',
    schema: { body: { type: 'object', required: ['name', 'country', 'language'], additionalProperties: false, properties: {
      name: { type: 'string', minLength: 1, maxLength: 120 }, street: { type: 'string', maxLength: 200 }, postalCode: { type: 'string', maxLength: 16 },
      city: { type: 'string', maxLength: 100 }, country: { type: 'string', enum: ['BE', 'FR'] }, vatNumber: { type: 'string', maxLength: 32 },
      email: { type: 'string', maxLength: 200 }, phone: { type: 'string', maxLength: 40 }, currency: { type: 'string', enum: ['EUR'] }, language: lang,
      logo: { type: ['string', 'null'], maxLength: 1_000_000 }, version: schemas.int32 } } },
    handler: async (req, ctx) => {
      const b = req.body;
      const errors: FieldError[] = [];
      if (!b.name.trim()) {
        errors.push({ field: 'name', code: 'REQUIRED', message: { fr: 'Le nom du magasin est obligatoire.', nl: 'De naam van de winkel is verplicht.', en: 'The shop’s name is required.' } });
      }
      if (b.vatNumber?.trim()) {
        const vat = normalizeShopVatNumber(b.vatNumber, b.country);
        if (vat) b.vatNumber = vat;
        else errors.push({ field: 'vatNumber', code: 'VAT_NUMBER_INVALID', message: {
          fr: `Numéro de TVA invalide pour ${b.country} (par exemple ${b.country === 'BE' ? 'BE0412345614' : 'FR40303265045'}).`,
          nl: `Ongeldig btw-nummer voor ${b.country} (bijvoorbeeld ${b.country === 'BE' ? 'BE0412345614' : 'FR40303265045'}).`,
          en: `Invalid VAT number for ${b.country} (for example ${b.country === 'BE' ? 'BE0412345614' : 'FR40303265045'}).` } });
      }
      if (b.postalCode && !(b.country === 'BE' ? /^[1-9]\d{3}$/ : /^\d{5}$/).test(b.postalCode)) {
        errors.push({ field: 'postalCode', code: 'POSTAL_CODE_INVALID', message: b.country === 'BE'
          ? { fr: 'Code postal belge invalide : 4 chiffres, par exemple 1000.', nl: 'Ongeldige Belgische postcode: 4 cijfers, bijvoorbeeld 1000.', en: 'Invalid Belgian postal code: 4 digits, for example 1000.' }
          : { fr: 'Code postal français invalide : 5 chiffres, par exemple 75001.', nl: 'Ongeldige Franse postcode: 5 cijfers, bijvoorbeeld 75001.', en: 'Invalid French postal code: 5 digits, for example 75001.' } });
      }
      if (b.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(b.email)) {
        errors.push({ field: 'email', code: 'EMAIL_INVALID', message: { fr: 'Adresse e-mail invalide.', nl: 'Ongeldig e-mailadres.', en: 'Invalid e-mail address.' } });
      }
      if (b.logo && !/^data:image\/(png|jpeg|svg\+xml);base64,/.test(b.logo)) {
        errors.push({ field: 'logo', code: 'LOGO_INVALID', message: { fr: 'Le logo doit être une image PNG, JPEG ou SVG.', nl: 'Het logo moet een PNG-, JPEG- of SVG-afbeelding zijn.', en: 'The logo must be a PNG, JPEG or SVG image.' } });
      }
      getCountryRules(b.country);
      if (errors.length) throw new ValidationError(errors);
      return ctx.transactional(async (em) => {
        const shop = (await em.findOne(Shop, { id: 1 }))!;
        if (b.version !== undefined && b.version !== shop.version) throw new VersionConflictError({ fr: 'la fiche du magasin', nl: 'de winkelgegevens', en: 'the shop’s details' });
        const before = shopJson(shop);
        for (const k of ['name', 'street', 'postalCode', 'city', 'country', 'vatNumber', 'email', 'phone', 'currency', 'language', 'logo'] as const) {
          if (b[k] !== undefined) (shop as any)[k] = typeof b[k] === 'string' ? b[k].trim() : b[k];
        }
        shop.configured = true;
        await em.flush();
        const changed = Object.keys(before).filter((k) => k !== 'logo' && k !== 'version' && (before as any)[k] !== (shopJson(shop) as any)[k]);
        await kernel.journal.append(em, { chain: 'events', type: 'shop.changed', payload: { fields: changed, name: shop.name, vatNumber: shop.vatNumber, country: shop.country }, userId: ctx.user!.id, stationId: ctx.station?.id });
        kernel.auth.invalidateSessions(null, em);
        return shopJson(shop);
      });
    },
  });

  // Stations.
  r.get('/stations', {
    permission: 'kernel.stations', summary: 'The shop’s stations (tills and tablets)',
    handler: async (_req, ctx) => (await ctx.em.find(Station, {}, { orderBy: { number: 'asc' } }))
      .map((s) => ({ ...stationJson(s), active: s.active, current: s.id === ctx.station?.id })),
  });

  r.post<{ Body: { name: string } }>('/stations', {
    permission: 'kernel.stations', summary: 'Register this browser as a new station of the shop', status: 201,
    schema: { body: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string', minLength: 1, maxLength: 80 } } } },
    handler: async (req, ctx, reply) => {
      const token = newToken();
      const station = await ctx.transactional(async (em) => {
        // Two managers registering tills at once must not both take the next number: on PostgreSQL the table is
        // locked for the transaction (SQLite's single connection already serialises writers).
        if (kernel.db.dialect === 'postgresql') await em.getConnection().execute('lock table kernel_station in share row exclusive mode', [], 'run', em.getTransactionContext());
        // MikroORM refuses findOne with an empty filter: take the highest-numbered station with find.
        const [last] = await em.find(Station, {}, { orderBy: { number: 'desc' }, limit: 1 });
        const s = em.create(Station, { number: (last?.number ?? 0) + 1, name: req.body.name.trim(), tokenHash: tokenHash(token), active: true, createdAt: new Date() });
        await em.flush();
        await kernel.journal.append(em, { chain: 'events', type: 'station.registered', payload: { stationId: s.id, number: s.number, name: s.name }, userId: ctx.user!.id, stationId: s.id });
        return s;
      });
      void reply.setCookie(STATION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', secure: req.protocol === 'https', maxAge: 400 * 24 * 3600 });
      return stationJson(station);
    },
  });

  r.patch<{ Params: { id: number }; Body: { name?: string; active?: boolean } }>('/stations/:id', {
    permission: 'kernel.stations', summary: 'Rename or retire a station',
    schema: { params: id, body: { type: 'object', additionalProperties: false, properties: { name: { type: 'string', minLength: 1, maxLength: 80 }, active: { type: 'boolean' } } } },
    handler: async (req, ctx) => ctx.transactional(async (em) => {
      const s = await em.findOne(Station, { id: req.params.id });
      if (!s) throw new NotFoundError('STATION_NOT_FOUND', { fr: `Poste ${req.params.id} introuvable.`, nl: `Post ${req.params.id} niet gevonden.`, en: `Station ${req.params.id} not found.` });
      if (req.body.name !== undefined && !req.body.name.trim()) throw new ValidationError([{ field: 'name', code: 'REQUIRED', message: { fr: 'Le nom du poste est obligatoire.', nl: 'De naam van de post is verplicht.', en: 'The station’s name is required.' } }]);
      if (req.body.name !== undefined) s.name = req.body.name.trim();
      if (req.body.active !== undefined) s.active = req.body.active;
      await em.flush();
      await kernel.journal.append(em, { chain: 'events', type: 'station.changed', payload: { stationId: s.id, name: s.name, active: s.active }, userId: ctx.user!.id });
      kernel.auth.invalidateSessions(null, em);
      return { ...stationJson(s), active: s.active };
    }),
  });

  r.delete<{ Params: { id: number } }>('/stations/:id', {
    permission: 'kernel.stations', summary: 'Remove a station that never recorded anything (retire it otherwise)', status: 204,
    description: 'A station that recorded anything in the fiscal journal (besides its registration, renaming and sign-ins) is kept and can only be retired: 409 STATION_IN_USE.',
    schema: { params: id },
    handler: async (req, ctx) => ctx.transactional(async (em) => {
      const s = await em.findOne(Station, { id: req.params.id });
      if (!s) throw new NotFoundError('STATION_NOT_FOUND', { fr: `Poste ${req.params.id} introuvable.`, nl: `Post ${req.params.id} niet gevonden.`, en: `Station ${req.params.id} not found.` });
      const used = await em.getConnection().execute(
        "select count(*) as n from kernel_journal_entry where station_id = ? and type not like 'station.%' and type not like 'auth.%'", [s.id], 'get', em.getTransactionContext());
      if (Number((used as { n: number | string }).n) > 0) {
        throw new DomainError('STATION_IN_USE', {
          fr: `Le poste ${s.number} « ${s.name} » a déjà enregistré des opérations : il ne peut qu’être retiré, pas supprimé.`,
          nl: `Post ${s.number} '${s.name}' heeft al verrichtingen geregistreerd: hij kan enkel buiten gebruik gesteld worden, niet verwijderd.`,
          en: `Station ${s.number} '${s.name}' has already recorded operations: it can only be retired, not removed.`,
        }, { status: 409 });
      }
      await em.nativeDelete(Session, { stationId: s.id });
      await em.nativeDelete(Station, { id: s.id });
      await kernel.journal.append(em, { chain: 'events', type: 'station.removed', payload: { stationId: s.id, number: s.number, name: s.name }, userId: ctx.user!.id });
      kernel.auth.invalidateSessions(null, em);
      return undefined;
    }),
  });

  // Users and roles.
  const userBody = { type: 'object', additionalProperties: false, properties: {
    username: { type: 'string', maxLength: 64 }, displayName: { type: 'string', maxLength: 120 }, password: { type: ['string', 'null'], maxLength: 200 },
    pin: { type: ['string', 'null'], maxLength: 16 }, roles: { type: 'array', items: { type: 'string' }, maxItems: 20 }, language: lang,
    active: { type: 'boolean' }, unlockPin: { type: 'boolean' }, version: schemas.int32 } } as const;
  const roleNames = async (ctx: RouteContext) => (await ctx.em.find(Role, {})).map((x) => x.name);

  r.get('/users', {
    permission: 'kernel.users', summary: 'All users',
    handler: async (_req, ctx) => {
      const users = await ctx.em.find(User, {}, { orderBy: { username: 'asc' } });
      const states = await kernel.auth.signInStates(ctx.em, users.map((u) => u.id));
      return users.map((u) => userJson(u, states.get(u.id)));
    },
  });

  r.post<{ Body: UserInput }>('/users', {
    permission: 'kernel.users', summary: 'Create a user', status: 201, schema: { body: { ...userBody, required: ['username', 'displayName', 'roles'] } },
    handler: async (req, ctx) => oneUser(ctx.em, await kernel.auth.saveUser(ctx.em, req.body, { actor: ctx.user, knownRoles: await roleNames(ctx) })),
  });

  r.patch<{ Params: { id: number }; Body: UserInput & { version?: number } }>('/users/:id', {
    permission: 'kernel.users', summary: 'Change a user (rights, password, PIN, unlock)', schema: { params: id, body: userBody },
    handler: async (req, ctx) => {
      const u = await ctx.em.findOne(User, { id: req.params.id });
      if (!u) throw new NotFoundError('USER_NOT_FOUND', { fr: `Utilisateur ${req.params.id} introuvable.`, nl: `Gebruiker ${req.params.id} niet gevonden.`, en: `User ${req.params.id} not found.` });
      if (req.body.version !== undefined && req.body.version !== u.version) throw new VersionConflictError({ fr: `l’utilisateur ${u.username}`, nl: `gebruiker ${u.username}`, en: `user ${u.username}` });
      if (u.id === ctx.user!.id && (req.body.active === false || (req.body.roles && !req.body.roles.includes('admin') && u.roles.includes('admin')))) {
        throw new DomainError('USER_SELF_LOCKOUT', { fr: 'Vous ne pouvez pas retirer vos propres droits d’administrateur.', nl: 'U kunt uw eigen beheerdersrechten niet intrekken.', en: 'You cannot remove your own administrator rights.' }, { status: 409 });
      }
      // An administrator changing their own password stays signed in here; their other sessions end.
      const keepSessionId = u.id === ctx.user!.id ? (await loadRequestContext(kernel, req)).auth?.session.id : null;
      return oneUser(ctx.em, await kernel.auth.saveUser(ctx.em, req.body, { existing: u, actor: ctx.user, knownRoles: await roleNames(ctx), keepSessionId }));
    },
  });

  r.get('/roles', {
    permission: 'kernel.users', summary: 'Roles and the permissions they grant',
    handler: async (_req, ctx) => (await ctx.em.find(Role, {}, { orderBy: { name: 'asc' } })).map((x) => ({ name: x.name, permissions: x.permissions, builtin: x.builtin })),
  });

  r.get('/permissions', {
    permission: 'kernel.users', summary: 'Every permission declared by the kernel and the enabled plugins',
    handler: async (_req, ctx) => kernel.permissionList(ctx.lang),
  });

  r.put<{ Params: { name: string }; Body: { permissions: string[] } }>('/roles/:name', {
    permission: 'kernel.users', summary: 'Create a role or set the permissions it grants',
    schema: { params: { type: 'object', properties: { name: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,63}$' } } }, body: { type: 'object', required: ['permissions'], additionalProperties: false, properties: { permissions: { type: 'array', items: { type: 'string' }, maxItems: 500 } } } },
    handler: async (req, ctx) => ctx.transactional(async (em) => {
      const known = new Set(kernel.permissionNames());
      const unknown = req.body.permissions.filter((p) => p !== '*' && !known.has(p));
      if (unknown.length) throw new ValidationError([{ field: 'permissions', code: 'PERMISSION_UNKNOWN', message: { fr: `Droit inconnu : ${unknown.join(', ')}.`, nl: `Onbekend recht: ${unknown.join(', ')}.`, en: `Unknown permission: ${unknown.join(', ')}.` } }]);
      if (req.params.name === 'admin' && !req.body.permissions.includes('*')) {
        throw new DomainError('ROLE_ADMIN_LOCKED', { fr: 'Le rôle administrateur garde tous les droits.', nl: 'De beheerdersrol behoudt alle rechten.', en: 'The admin role keeps every permission.' }, { status: 409 });
      }
      let role = await em.findOne(Role, { name: req.params.name });
      const before = role?.permissions ?? [];
      if (!role) role = em.create(Role, { name: req.params.name, permissions: [], builtin: false });
      role.permissions = [...new Set(req.body.permissions)].sort();
      await em.flush();
      await kernel.journal.append(em, { chain: 'events', type: 'role.rights-changed', payload: { role: role.name, before, after: role.permissions }, userId: ctx.user!.id });
      // Every holder of the role: the next request of each reads the rights again.
      kernel.auth.invalidateSessions(null, em);
      return { name: role.name, permissions: role.permissions, builtin: role.builtin };
    }),
  });

  // Plugins.
  r.get('/plugins', {
    permission: 'kernel.plugins', summary: 'Installed plugins and whether they are enabled',
    handler: async (_req, ctx) => (await listPlugins(ctx.em, kernel.available)).map((p) => ({
      ...p, description: p.description ? localize(p.description as any, ctx.lang) : '', running: kernel.enabled.some((e) => e.name === p.name),
    })),
  });

  for (const action of ['enable', 'disable'] as const) {
    r.post<{ Params: { name: string } }>(`/plugins/:name/${action}`, {
      permission: 'kernel.plugins', summary: `${action === 'enable' ? 'Enable' : 'Disable'} a plugin (takes effect at the next start; data is kept)`,
      schema: { params: { type: 'object', properties: { name: { type: 'string', maxLength: 64 } } } },
      handler: async (req, ctx) => {
        try {
          const res = await setPluginEnabled(ctx.em, kernel.available, kernel.version, kernel.journal, req.params.name, action === 'enable', ctx.user!.id);
          return { ...res, restartRequired: res.changed };
        } catch (e) {
          if ((e as any).code?.startsWith('PLUGIN_')) throw new DomainError((e as any).code, (e as Error).message, { status: 409 });
          throw e;
        }
      },
    });
  }

  // Fiscal journal.
  r.get('/journal/verify', {
    permission: 'kernel.journal', summary: 'Recompute every journal chain and name the first bad entry',
    handler: async (_req, ctx) => kernel.journal.verify(ctx.em),
  });

  r.get<{ Params: { chain: string }; Querystring: { limit?: number; before?: number } }>('/journal/:chain', {
    permission: 'kernel.journal', summary: 'Entries of a journal chain, newest first',
    schema: { params: { type: 'object', properties: { chain: { type: 'string', pattern: '^[a-z][a-z0-9_.-]{0,31}$' } } }, querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 1000 }, before: schemas.id } } },
    handler: async (req, ctx) => (await kernel.journal.list(ctx.em, req.params.chain, req.query.limit ?? 100, req.query.before)).map((e) => ({
      seq: Number(e.seq), at: e.at, type: e.type, userId: e.user_id, stationId: e.station_id, payload: JSON.parse(e.payload), hash: e.hash,
    })),
  });

  // Server-sent events.
  r.get('/events', {
    permission: 'authenticated', summary: 'Server-sent events for this user and station (notifications, device status, alerts)',
    handler: async (req, ctx, reply) => {
      const stationId = ctx.station?.id;
      const perms = ctx.permissions;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write(`retry: 3000\nevent: hello\ndata: ${JSON.stringify({ stationId: stationId ?? null })}\n\n`);
      const unsubscribe = kernel.events.subscribe((e) => {
        if (e.stationId !== undefined && e.stationId !== stationId) return;
        if (e.permission && !perms.has(e.permission)) return;
        res.write(`event: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`);
      });
      const ping = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
      const stop = () => { clearInterval(ping); unsubscribe(); forget(); };
      const forget = kernel.events.onShutdown(() => { stop(); res.end(); });
      req.raw.on('close', stop);
    },
  });
}
