// A load loop for docs/performance.md ("Lookups on Axon Server"): N client threads post distinct
// lookups for facility 1710112341 as account clinic/clinic for S seconds after 5 s of warm-up.
//   java axonserver/LookupLoad.java http://localhost:8080 16 20 run-1
// (a JDK single-file program; the facility and the account must exist on the ledger).
import java.net.URI; import java.net.http.*; import java.util.*; import java.util.concurrent.*; import java.util.concurrent.atomic.*;
public class LookupLoad {
  public static void main(String[] a) throws Exception {
    String base = a[0]; int threads = Integer.parseInt(a[1]); int seconds = Integer.parseInt(a[2]); String tag = a[3];
    HttpClient c = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(threads)).build();
    String auth = "Basic " + Base64.getEncoder().encodeToString("clinic:clinic".getBytes());
    AtomicLong ok = new AtomicLong(), bad = new AtomicLong(), seq = new AtomicLong();
    List<Long> lat = Collections.synchronizedList(new ArrayList<>());
    long warmEnd = System.nanoTime() + 5_000_000_000L, end = warmEnd + seconds * 1_000_000_000L;
    Thread[] ts = new Thread[threads];
    for (int t = 0; t < threads; t++) { ts[t] = new Thread(() -> { while (System.nanoTime() < end) { long n = seq.incrementAndGet();
      String body = "{\"requestId\":\"" + tag + "-" + n + "\",\"facilityCode\":\"1710112341\",\"viewerId\":\"dr-a\",\"viewerRole\":\"DOCTOR\",\"patientId\":\"P-" + (n % 500) + "\",\"categories\":[\"MEDICATION\"],\"at\":\"2024-02-01T09:00:00+09:00\"}";
      long s = System.nanoTime();
      try { var r = c.send(HttpRequest.newBuilder(URI.create(base + "/api/views")).header("Authorization", auth).header("Content-Type","application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        if (s > warmEnd) { if (r.statusCode() == 201 || r.statusCode() == 403) { ok.incrementAndGet(); lat.add(System.nanoTime() - s);} else bad.incrementAndGet(); }
      } catch (Exception e) { if (s > warmEnd) bad.incrementAndGet(); } } }); ts[t].start(); }
    for (Thread t : ts) t.join();
    long[] l = lat.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf("%s: %d threads, %d s: %.0f lookups/s, p50 %.1f ms, p99 %.1f ms, failed %d%n", tag, threads, seconds, ok.get() / (double) seconds,
      l.length == 0 ? 0 : l[l.length / 2] / 1e6, l.length == 0 ? 0 : l[(int) (l.length * 0.99)] / 1e6, bad.get());
    System.exit(0);
  }
}
