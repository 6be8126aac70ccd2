-- API keys, stored hashed: the secret itself is never kept (tenants' KeyHashing).
CREATE TABLE api_keys (
  key_id      text        PRIMARY KEY,
  tenant_code text        NOT NULL,
  name        text        NOT NULL,
  key_hash    char(64)    NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL,
  created_by  text        NOT NULL,
  revoked_at  timestamptz
);

CREATE INDEX api_keys_by_tenant ON api_keys (tenant_code, created_at DESC, key_id);
