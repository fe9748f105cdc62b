import { Blinksale, MockServer } from 'blinksale';

export const TOKEN = 'tok_node_secret_0123456789';

export async function setup(options = {}) {
  const mock = await MockServer.start({ seed: 30, tokens: [`${TOKEN}:read,write,send`, 'tok_read:read', 'tok_write:write'], ...options });
  const client = new Blinksale({ token: TOKEN, baseUrl: mock.url });
  return { mock, client };
}

export const count = (mock, method, path) => mock.requests().filter((r) => r.method === method && r.path === `/api/v1${path}`).length;
