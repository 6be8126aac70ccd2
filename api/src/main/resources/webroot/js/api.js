// The page's only way to the server: /api/v1 with the signed-in key as a bearer token.
// The key lives in sessionStorage only (gone when the tab closes); nothing else is stored.

const KEY = 'liangshai.key';
const BASE = '/api/v1';

export class ApiError extends Error {
  constructor(status, message, body = null) {
    super(message);
    this.status = status;
    this.body = body;
  }

  /** The server answered that this feature's route does not exist (yet). */
  get notOpen() {
    return this.status === 404 || this.status === 405 || this.status === 501;
  }
}

export const session = {
  get key() {
    return sessionStorage.getItem(KEY);
  },
  set key(value) {
    if (value) sessionStorage.setItem(KEY, value);
    else sessionStorage.removeItem(KEY);
  },
};

function headers(extra = {}) {
  return { Authorization: `Bearer ${session.key}`, ...extra };
}

async function failure(response) {
  let message = `${response.status} ${response.statusText}`;
  let body = null;
  try {
    body = await response.json();
    if (body && body.message) message = body.message;
  } catch {
    // not JSON (a 404 page): keep the status line
  }
  if (response.status === 401) {
    window.dispatchEvent(new CustomEvent('liangshai:unauthorized'));
  }
  return new ApiError(response.status, message, body);
}

/** GET or POST a JSON resource; throws ApiError on 4xx/5xx. */
export async function api(path, { method = 'GET', body } = {}) {
  const init = { method, headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }) };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(BASE + path, init);
  if (!response.ok) throw await failure(response);
  return response.json();
}

const cache = new Map();

/** A GET whose answer does not change within the page's life (league tables of past periods, the registry). */
export function cached(path) {
  if (!cache.has(path)) {
    const p = api(path);
    cache.set(path, p);
    p.catch(() => cache.delete(path));
  }
  return cache.get(path);
}

export function forget() {
  cache.clear();
}

/** GET a file (PDF, XLSX) with the key; returns a Blob. */
export async function blob(path) {
  const response = await fetch(BASE + path, { headers: headers() });
  if (!response.ok) throw await failure(response);
  const type = response.headers.get('Content-Type') || '';
  if (type.startsWith('text/html')) throw new ApiError(404, 'not found');
  return response.blob();
}

/** Runs async tasks with at most `limit` at a time; results in input order. */
export async function pooled(tasks, limit = 4) {
  const results = new Array(tasks.length);
  let next = 0;
  async function worker() {
    while (next < tasks.length) {
      const i = next++;
      try {
        results[i] = { ok: true, value: await tasks[i]() };
      } catch (error) {
        results[i] = { ok: false, error };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/**
 * POST /cases with upload progress (fetch has none): onProgress(sentBytes, totalBytes).
 * Resolves with the batch result; rejects with ApiError.
 */
export function uploadCases(file, contentType, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${BASE}/cases`);
    xhr.setRequestHeader('Authorization', `Bearer ${session.key}`);
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new ApiError(0, '网络错误：无法连接服务器'));
    xhr.onload = () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) resolve(body);
      else {
        if (xhr.status === 401) window.dispatchEvent(new CustomEvent('liangshai:unauthorized'));
        reject(new ApiError(xhr.status, (body && body.message) || `${xhr.status} ${xhr.statusText}`));
      }
    };
    xhr.send(file);
  });
}

/** A Chinese sentence for an error, for the page. */
export function explain(error) {
  if (!(error instanceof ApiError)) return `出错了：${error.message}`;
  switch (error.status) {
    case 0:
      return error.message;
    case 401:
      return '密钥无效或已吊销，请重新登录。';
    case 403:
      return `无权查看：超出本账号的权限范围（${error.message}）`;
    case 413:
      return `内容太大，请拆分后再上传（${error.message}）。`;
    case 429:
      return '请求过于频繁，请稍等一分钟再试。';
    case 400:
      return `请求有误：${error.message}`;
    default:
      return error.status >= 500 ? `服务器出错（${error.status}），请稍后再试。` : `请求失败（${error.status}）：${error.message}`;
  }
}
