package io.liangshai.archive;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 endpoint in the test's JVM: S3Proxy (the S3 REST API, AWS signature v4 checked) over
 * jclouds' in-memory blob store, on a free port of 127.0.0.1. {@link #stop} and {@link #start} take
 * the endpoint away and back on the same port, keeping what the store holds, to stand for an
 * outage. The client signs with {@link #IDENTITY} and {@link #CREDENTIAL}, which {@link
 * #useCredentials} sets as the AWS SDK's system properties.
 */
public final class S3Server implements AutoCloseable {

  public static final String IDENTITY = "liangshai-test";
  public static final String CREDENTIAL = "liangshai-test-secret";

  private final BlobStoreContext context;
  private int port;
  private S3Proxy proxy;

  private S3Server(BlobStoreContext context) {
    this.context = context;
  }

  /** Starts a server with the buckets {@code buckets}, empty. */
  public static S3Server start(String... buckets) throws Exception {
    Properties overrides = new Properties();
    BlobStoreContext context =
        ContextBuilder.newBuilder("transient")
            .overrides(overrides)
            .credentials(IDENTITY, CREDENTIAL)
            .build(BlobStoreContext.class);
    S3Server server = new S3Server(context);
    for (String bucket : buckets) {
      server.blobStore().createContainerInLocation(null, bucket);
    }
    server.start();
    return server;
  }

  /** The AWS SDK's credentials and region, as system properties of this JVM. */
  public static void useCredentials() {
    System.setProperty("aws.accessKeyId", IDENTITY);
    System.setProperty("aws.secretAccessKey", CREDENTIAL);
    System.setProperty("aws.region", "us-east-1");
  }

  public BlobStore blobStore() {
    return context.getBlobStore();
  }

  /** Where the S3 API answers, {@code http://127.0.0.1:PORT}. */
  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** (Re)starts the endpoint, on the port it had before if it had one. */
  public synchronized void start() throws Exception {
    if (proxy != null) {
      return;
    }
    S3Proxy p =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, IDENTITY, CREDENTIAL)
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .build();
    p.start();
    while (!p.getState().equals("STARTED")) {
      Thread.sleep(5);
    }
    port = p.getPort();
    proxy = p;
  }

  /** Takes the endpoint away; what the store holds stays. */
  public synchronized void stop() throws Exception {
    if (proxy != null) {
      proxy.stop();
      proxy = null;
    }
  }

  @Override
  public void close() throws Exception {
    stop();
    context.close();
  }
}
