'use strict';
// The official ClickHouse JavaScript client (@clickhouse/client) against one ClickHouse HTTP
// endpoint: for each mode, creates a table, inserts the rows of ROWS_JSON (a JSON array of
// {id, text}) with JSONEachRow and reads them back; request and response compression off in
// "plain", on (gzip) in "gzip". Prints one line per fact for the Java test to check:
//   request MODE OP content-encoding=X accept-encoding=Y status=N response-encoding=Z
//   stored MODE rows=N equal=true|false
//   wrong-password rejected: MESSAGE   (or: wrong-password accepted)
// usage: node clickhouse-client-roundtrip.cjs ROWS_JSON   (env CH_URL, CH_USER, CH_PASSWORD, CH_DATABASE)
const fs = require('fs');
const http = require('http');
const { createClient } = require('@clickhouse/client');

const seen = [];
const originalRequest = http.request;
http.request = function (url, options, ...rest) {
  const request = originalRequest.call(this, url, options, ...rest);
  const headers = Object.fromEntries(
    Object.entries((options && options.headers) || {}).map(([k, v]) => [k.toLowerCase(), v]));
  const entry = {
    query: new URL(String(url)).searchParams.get('query') || '(body)',
    contentEncoding: headers['content-encoding'] || '',
    acceptEncoding: headers['accept-encoding'] || '',
    status: 0,
    responseEncoding: '',
  };
  request.on('response', (response) => {
    entry.status = response.statusCode;
    entry.responseEncoding = response.headers['content-encoding'] || '';
  });
  seen.push(entry);
  return request;
};

function report(mode, op, since) {
  for (const e of seen.slice(since)) {
    console.log(`request ${mode} ${op} content-encoding=${e.contentEncoding}` +
      ` accept-encoding=${e.acceptEncoding} status=${e.status} response-encoding=${e.responseEncoding}`);
  }
  return seen.length;
}

async function roundTrip(mode, rows) {
  const compressed = mode === 'gzip';
  const client = createClient({
    url: process.env.CH_URL,
    username: process.env.CH_USER,
    password: process.env.CH_PASSWORD,
    database: process.env.CH_DATABASE,
    compression: { request: compressed, response: compressed },
  });
  try {
    const table = `js_${mode}`;
    let mark = seen.length;
    await client.command({
      query: `CREATE TABLE ${table} (id UInt32, text String) ENGINE = MergeTree ORDER BY id`,
    });
    mark = report(mode, 'create', mark);
    await client.insert({ table, values: rows, format: 'JSONEachRow' });
    mark = report(mode, 'insert', mark);
    const result = await client.query({
      query: `SELECT id, text FROM ${table} ORDER BY id`,
      format: 'JSONEachRow',
    });
    const back = await result.json();
    report(mode, 'select', mark);
    console.log(`stored ${mode} rows=${back.length} equal=${JSON.stringify(back) === JSON.stringify(rows)}`);
  } finally {
    await client.close();
  }
}

async function wrongPassword() {
  const client = createClient({
    url: process.env.CH_URL,
    username: process.env.CH_USER,
    password: 'not-the-password',
    database: process.env.CH_DATABASE,
  });
  try {
    await client.query({ query: 'SELECT 1', format: 'JSONEachRow' });
    console.log('wrong-password accepted');
  } catch (e) {
    console.log(`wrong-password rejected: ${String(e.message).split('\n')[0]}`);
  } finally {
    await client.close();
  }
}

async function main() {
  const rows = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  await roundTrip('plain', rows);
  await roundTrip('gzip', rows);
  await wrongPassword();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
