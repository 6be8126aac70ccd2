package io.liangshai.archive;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A {@link RawArchive} in an S3 bucket, under a prefix: {@code s3://BUCKET/PREFIX}. Credentials and
 * region come from the AWS SDK's default chains (the {@code AWS_ACCESS_KEY_ID}, {@code
 * AWS_SECRET_ACCESS_KEY} and {@code AWS_REGION} variables, the {@code aws.*} system properties,
 * profiles, instance roles); the region is {@code us-east-1} when none is set. An endpoint other
 * than AWS's (MinIO, Ceph, a cloud's S3-compatible storage) is addressed path-style. A put returns
 * once the store has acknowledged the object, which S3 keeps durably from then on.
 */
public final class S3RawArchive implements RawArchive {

  private final S3Client client;
  private final String bucket;
  private final String prefix;

  private S3RawArchive(S3Client client, String bucket, String prefix) {
    this.client = client;
    this.bucket = bucket;
    this.prefix = prefix;
  }

  /**
   * The archive at {@code location} ({@code s3://BUCKET} or {@code s3://BUCKET/PREFIX}) on {@code
   * endpoint}, or on AWS when empty.
   */
  public static S3RawArchive open(URI location, Optional<URI> endpoint) {
    if (!"s3".equals(location.getScheme()) || location.getHost() == null) {
      throw new IllegalArgumentException(
          "an S3 archive is named s3://BUCKET or s3://BUCKET/PREFIX, not " + location);
    }
    String path = Optional.ofNullable(location.getPath()).orElse("").replaceAll("^/+|/+$", "");
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(region())
            .credentialsProvider(DefaultCredentialsProvider.builder().build())
            // Checksums as every S3-compatible store checks them: the body's Content-MD5 (below),
            // not the newer trailing checksums that not all of them read.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    endpoint.ifPresent(e -> builder.endpointOverride(e).forcePathStyle(true));
    return new S3RawArchive(builder.build(), location.getHost(), path.isEmpty() ? "" : path + "/");
  }

  private static Region region() {
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkException e) {
      return Region.US_EAST_1;
    }
  }

  @Override
  public String location() {
    return "s3://" + bucket + "/" + prefix;
  }

  @Override
  public void put(String key, Path file) throws IOException {
    try {
      client.putObject(
          PutObjectRequest.builder().bucket(bucket).key(prefix + key).contentMD5(md5(file)).build(),
          RequestBody.fromFile(file));
    } catch (SdkException e) {
      throw failed("store " + key + " in", e);
    }
  }

  @Override
  public List<String> keys(String keyPrefix) throws IOException {
    try {
      return client
          .listObjectsV2Paginator(
              ListObjectsV2Request.builder().bucket(bucket).prefix(prefix + keyPrefix).build())
          .contents()
          .stream()
          .map(S3Object::key)
          .map(k -> k.substring(prefix.length()))
          .sorted()
          .toList();
    } catch (SdkException e) {
      throw failed("list " + keyPrefix + " of", e);
    }
  }

  @Override
  public void copyTo(String key, Path target) throws IOException {
    Files.deleteIfExists(target);
    try {
      client.getObject(
          GetObjectRequest.builder().bucket(bucket).key(prefix + key).build(),
          ResponseTransformer.toFile(target));
    } catch (NoSuchKeyException e) {
      throw new FileNotFoundException(key + " is not in the archive " + location());
    } catch (SdkException e) {
      throw failed("read " + key + " of", e);
    }
  }

  /** The Base64 MD5 of {@code file}: the store refuses a body that arrives otherwise. */
  private static String md5(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("MD5");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      return Base64.getEncoder().encodeToString(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no MD5", e);
    }
  }

  private IOException failed(String what, SdkException e) {
    return new IOException("could not " + what + " the archive " + location() + ": " + e, e);
  }

  @Override
  public void close() {
    client.close();
  }
}
