// The "Try it" console of one API: Swagger UI (assets/swagger-ui/), pointed at the crmkit mock that serves this page
// and signed in with the credentials that mock was started with, which it answers at ../mock.json. Opened without a
// mock (a file, a static copy of the site), the page explains how to start one instead. Why a console page next to
// the Redoc reference: see src/docs/console.ts.
(() => {
  const main = document.querySelector('main.console');
  const api = main.getAttribute('data-api');
  const apiName = main.getAttribute('data-api-name');
  const status = document.getElementById('console-status');
  const OPERATION_HASH = /^#\/([^/]+)\/([^/]+)$/;

  /** Redoc and Swagger UI both name an operation `#/<tag>/<operationId>`; Redoc lower-cases both, dashes spaces. */
  const slug = (text) => text.trim().toLowerCase().replace(/[\s_]+/g, '-');
  const decode = (text) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };

  // The "Reference" tab opens the reference at the operation in view here.
  const referenceTab = document.querySelector('.api-tab[data-view="reference"]');
  const referenceHref = referenceTab?.getAttribute('href');
  referenceTab?.addEventListener('click', () => {
    const m = OPERATION_HASH.exec(location.hash);
    referenceTab.setAttribute(
      'href',
      m ? `${referenceHref}#/${slug(decode(m[1]))}/${decode(m[2]).toLowerCase()}` : referenceHref,
    );
  });

  function showOffline(why) {
    status.hidden = true;
    document.getElementById('console-offline-why').textContent = why;
    document.getElementById('console-offline').hidden = false;
    main.setAttribute('data-state', 'no-mock');
  }

  function showStatus(parts, state) {
    status.replaceChildren(
      ...parts.map((part) => {
        if (typeof part === 'string') return document.createTextNode(part);
        const code = document.createElement('code');
        code.textContent = part.code;
        return code;
      }),
    );
    status.classList.toggle('console-status-error', state === 'error');
    main.setAttribute('data-state', state);
  }

  async function readMockInfo() {
    try {
      const res = await fetch('../mock.json', { cache: 'no-store' });
      return res.ok ? await res.json() : undefined;
    } catch {
      return undefined;
    }
  }

  /** Every operation of the document: [path, method, operation]. */
  function operations(spec) {
    const found = [];
    for (const [path, item] of Object.entries(spec.paths ?? {})) {
      for (const [method, op] of Object.entries(item ?? {})) {
        if (op && typeof op === 'object' && typeof op.operationId === 'string') found.push([path, method, op]);
      }
    }
    return found;
  }

  /** Every parameter object written out in the document (components, path items, operations). */
  function parameters(spec) {
    const lists = [Object.values(spec.components?.parameters ?? {})];
    for (const item of Object.values(spec.paths ?? {})) {
      lists.push(item?.parameters ?? []);
      for (const op of Object.values(item ?? {})) if (op && Array.isArray(op.parameters)) lists.push(op.parameters);
    }
    return lists.flat().filter((p) => p && typeof p === 'object' && !p.$ref);
  }

  const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

  /** The parameter object a local `#/components/parameters/<name>` reference names (or the parameter itself). */
  function resolveParameter(spec, p) {
    const m = /^#\/components\/parameters\/(.+)$/.exec(p?.$ref ?? '');
    if (!m) return p;
    return spec.components?.parameters?.[decodeURIComponent(m[1]).replace(/~1/g, '/').replace(/~0/g, '~')];
  }

  /**
   * Swagger UI ignores the parameters of a path item when its operations have parameters of their own (the Redmine
   * documents put `{format}` there): give each operation the path item's parameters it does not override, as OpenAPI
   * defines them.
   */
  function inlinePathParameters(spec) {
    for (const item of Object.values(spec.paths ?? {})) {
      if (!Array.isArray(item?.parameters) || item.parameters.length === 0) continue;
      const key = (p) => {
        const r = resolveParameter(spec, p);
        return `${r?.in}:${String(r?.name).toLowerCase()}`;
      };
      for (const method of METHODS) {
        const op = item[method];
        if (!op || typeof op !== 'object') continue;
        const own = Array.isArray(op.parameters) ? op.parameters : [];
        const overridden = new Set(own.map(key));
        op.parameters = [...item.parameters.filter((p) => !overridden.has(key(p))), ...own];
      }
      delete item.parameters;
    }
  }

  /** Points the document at this mock and fills in what the mock was started with. */
  function prepare(spec, mock, base) {
    spec.servers = [{ url: base, description: 'the crmkit mock serving this page' }];
    // Reading is the reference's job; the console starts with the operations.
    if (spec.info) delete spec.info.description;
    inlinePathParameters(spec);
    // Swagger UI fills every parameter with its example, or else with a sample it makes up for an object: keep the
    // examples of the required parameters (the format, ids, Business) and start the optional ones empty, so that the
    // first request is the plain one, not a filtered one or one made as another user. An empty `default` on the
    // parameter (Swagger UI's last resort, where its `parameterMacro` option writes) stops the made-up sample.
    for (const p of parameters(spec)) {
      if (p.required === true) continue;
      for (const holder of [p, p.schema, ...Object.values(p.content ?? {})]) {
        if (holder && typeof holder === 'object' && !holder.$ref) {
          delete holder.example;
          delete holder.examples;
        }
      }
      p.default = '';
    }
    const { auth } = mock;
    if (auth.type !== 'oauth2') return undefined;
    const tokenUrl = base + auth.tokenPath;
    const scheme = spec.components?.securitySchemes?.[auth.scheme];
    if (scheme?.flows?.clientCredentials) scheme.flows.clientCredentials.tokenUrl = tokenUrl;
    // Plutio answers the token as `accessToken`, not OAuth's usual `access_token`.
    if (scheme) scheme['x-tokenName'] = 'accessToken';
    for (const p of parameters(spec)) {
      if (p.in === 'header' && String(p.name).toLowerCase() === 'business') {
        p.example = auth.business;
        delete p.examples;
        if (p.schema) p.schema.default = auth.business;
      }
    }
    const credentials = { client_id: auth.clientId, client_secret: auth.clientSecret, grant_type: 'client_credentials' };
    for (const [path, , op] of operations(spec)) {
      const form = op.requestBody?.content?.['application/x-www-form-urlencoded'];
      if (base + path === tokenUrl && form) {
        form.example = credentials;
        delete form.examples;
      }
    }
    return tokenUrl;
  }

  const headerName = (headers, name) => Object.keys(headers).find((h) => h.toLowerCase() === name);

  /**
   * Redmine family: the `.json` / `.xml` suffix chooses the format, and Swagger UI's Accept header follows the
   * response media type picked in the operation instead. Make it match the suffix, so that the curl command shown
   * is the request a reader would write.
   */
  function acceptBySuffix(req) {
    const m = /\.(json|xml)(?:\?|$)/.exec(req.url);
    if (!m || !req.headers) return;
    delete req.headers[headerName(req.headers, 'accept')];
    req.headers.Accept = `application/${m[1]}`;
  }

  /**
   * Every request the console sends passes here. Redmine family: Accept follows the suffix (above). Plutio: Swagger UI
   * sends the client credentials grant with the id and secret in an HTTP Basic header, and Plutio (like the mock)
   * reads them from the form body only, so the token request of the Authorize dialog gets them moved there.
   */
  function requestInterceptor(tokenUrl) {
    return (req) => {
      if (!tokenUrl) acceptBySuffix(req);
      if (!tokenUrl || req.url !== tokenUrl || !req.headers) return req;
      const name = headerName(req.headers, 'authorization');
      const value = name ? String(req.headers[name]) : '';
      if (!/^Basic /i.test(value)) return req;
      const pair = atob(value.slice(6));
      const colon = pair.indexOf(':');
      const form = new URLSearchParams(typeof req.body === 'string' ? req.body : '');
      form.set('client_id', pair.slice(0, colon));
      form.set('client_secret', pair.slice(colon + 1));
      if (!form.get('scope')) form.delete('scope');
      req.body = form.toString();
      delete req.headers[name];
      return req;
    };
  }

  /** A Redoc operation link (`#/companies/listcompanies`) becomes Swagger UI's (`#/Companies/listCompanies`). */
  function openLinkedOperation(spec) {
    const m = OPERATION_HASH.exec(location.hash);
    if (!m) return;
    const [tag, id] = [slug(decode(m[1])), decode(m[2]).toLowerCase()];
    for (const [, , op] of operations(spec)) {
      const opTag = String(op.tags?.[0] ?? 'default');
      if (slug(opTag) === tag && op.operationId.toLowerCase() === id) {
        history.replaceState(null, '', `#/${opTag.replace(/\s/g, '%20')}/${op.operationId}`);
        return;
      }
    }
  }

  /** Shows the token once Swagger UI has it, or the error of the token request (the request always ends). */
  function waitForToken(ui, mock, base) {
    const { auth } = mock;
    showStatus(['Getting a token from ', { code: base + auth.tokenPath }, '…'], 'loading');
    const check = () => {
      const authorized = ui.authSelectors.authorized();
      const token = authorized?.getIn?.([auth.scheme, 'token', 'accessToken']);
      if (token) {
        showStatus(
          [
            'Requests go to ',
            { code: base },
            ' with a token of the client ',
            { code: auth.clientId },
            ' (Authorize gets a new one) and ',
            { code: `Business: ${auth.business}` },
            '.',
          ],
          'ready',
        );
        return;
      }
      const errors = ui.errSelectors.allErrors?.().toJS?.() ?? [];
      const failed = errors.find((e) => e.source === 'auth');
      if (failed) {
        showStatus([`No token from ${base + auth.tokenPath}: ${failed.message}. Use Authorize to try again.`], 'error');
        return;
      }
      setTimeout(check, 50);
    };
    check();
  }

  async function start() {
    if (location.protocol !== 'http:' && location.protocol !== 'https:') {
      showOffline('This page was opened from a file: there is no crmkit mock behind it to send requests to.');
      return;
    }
    const info = await readMockInfo();
    if (!info?.served) {
      showOffline('This copy of the docs is not served by a crmkit mock, so there is nothing to send requests to.');
      return;
    }
    const mock = info.apis?.[api];
    if (!mock) {
      const served = Object.keys(info.apis ?? {});
      showOffline(
        `The crmkit mock serving this page does not serve ${apiName}` +
          (served.length ? ` (it was started for ${served.join(', ')} only).` : '.'),
      );
      return;
    }
    if (typeof SwaggerUIBundle !== 'function') {
      showStatus(['The console could not load (assets/swagger-ui/swagger-ui-bundle.js is missing).'], 'error');
      return;
    }
    const spec = await (await fetch(`../openapi/${api}.json`, { cache: 'no-cache' })).json();
    const base = location.origin + mock.basePath;
    const tokenUrl = prepare(spec, mock, base);
    openLinkedOperation(spec);
    const { auth } = mock;
    showStatus(['Loading the ', { code: `${api}.json` }, ' document…'], 'loading');
    const ui = SwaggerUIBundle({
      spec,
      domNode: document.getElementById('swagger-ui'),
      presets: [SwaggerUIBundle.presets.apis],
      layout: 'BaseLayout',
      deepLinking: true,
      tryItOutEnabled: true,
      displayRequestDuration: true,
      filter: true,
      docExpansion: operations(spec).length > 40 ? 'none' : 'list',
      defaultModelsExpandDepth: -1,
      persistAuthorization: false,
      queryConfigEnabled: false,
      validatorUrl: null,
      requestInterceptor: requestInterceptor(tokenUrl),
      onComplete: () => {
        // A mock started with its own credentials gives them only to pages opened on its machine.
        if (auth.type === 'apiKey' ? !auth.apiKey : !auth.clientSecret) {
          showStatus(
            [
              'Requests go to ',
              { code: base },
              '. This mock was started with its own credentials, which it hands only to pages opened on its own',
              ' machine: sign in with Authorize.',
            ],
            'ready',
          );
          return;
        }
        if (auth.type === 'apiKey') {
          ui.preauthorizeApiKey(auth.scheme, auth.apiKey);
          showStatus(
            [
              'Requests go to ',
              { code: base },
              ` as ${auth.login}, with the API key `,
              { code: `${auth.header}: ${auth.apiKey}` },
              '. Choose json or xml as the format.',
            ],
            'ready',
          );
          return;
        }
        // Swagger UI's view of the scheme: one entry per OAuth flow, with the flow's tokenUrl at its top.
        const schema = ui.authSelectors
          .definitionsToAuthorize()
          .map((definition) => definition.get(auth.scheme))
          .find((flow) => flow?.get('flow') === 'clientCredentials');
        ui.authActions.authorizeApplication({
          schema,
          name: auth.scheme,
          clientId: auth.clientId,
          clientSecret: auth.clientSecret,
          scopes: [],
        });
        waitForToken(ui, mock, base);
      },
    });
    if (auth.type === 'oauth2') {
      ui.initOAuth({ clientId: auth.clientId, clientSecret: auth.clientSecret ?? '', appName: 'crmkit mock', scopes: [] });
    }
  }

  start().catch((err) => showStatus([`The console could not start: ${err?.message ?? err}`], 'error'));
})();
