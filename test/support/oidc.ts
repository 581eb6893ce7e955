// A real OpenID provider (oidc-provider) on 127.0.0.1 with its development sign-in pages, and a
// small browser that follows its redirects and submits its forms, so tests sign in end to end.
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
  /** Signs `accountId` in at the provider starting from its authorization URL; returns our callback URL. */
  signIn(authorizationUrl: string, accountId: string): Promise<URL>;
}

export async function startIdp(options: { redirectUri: string; domain: string }): Promise<TestIdp> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "closebook";
  const clientSecret = "a-long-client-secret-for-tests-only";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["test-cookie-key"] },
    async findAccount(_ctx: unknown, id: string) {
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: `${id}@${options.domain}`,
          email_verified: true,
          name: id.replace(/\./g, " "),
        }),
      };
    },
  });
  server.on("request", provider.callback());

  const jar = new Map<string, string>();
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  const go = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers ?? {}), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    remember(res);
    return res;
  };

  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    async signIn(authorizationUrl, accountId) {
      // A new browser each time: the provider must not recognise the previous person.
      jar.clear();
      let url = authorizationUrl;
      for (let hops = 0; hops < 12; hops++) {
        const res = await go(url);
        if (res.status >= 300 && res.status < 400) {
          const next = new URL(res.headers.get("location")!, url);
          if (next.href.startsWith(options.redirectUri)) return next;
          url = next.href;
          continue;
        }
        const html = await res.text();
        const prompt = /name="prompt" value="([a-z]+)"/.exec(html)?.[1];
        if (res.status !== 200 || !prompt)
          throw new Error(`the provider answered ${res.status}: ${html.slice(0, 300)}`);
        const form = new URLSearchParams({
          prompt,
          ...(prompt === "login" ? { login: accountId, password: "anything" } : {}),
        });
        const posted = await go(url, {
          method: "POST",
          body: form.toString(),
          headers: { "content-type": "application/x-www-form-urlencoded" },
        });
        url = new URL(posted.headers.get("location")!, url).href;
      }
      throw new Error("too many redirects at the provider");
    },
  };
}
