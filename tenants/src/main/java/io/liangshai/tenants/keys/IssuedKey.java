package io.liangshai.tenants.keys;

/** A newly issued key: the secret is shown to the issuer once and never stored. */
public record IssuedKey(ApiKey key, String secret) {

  @Override
  public String toString() {
    return "IssuedKey[" + key.keyId() + "]";
  }
}
