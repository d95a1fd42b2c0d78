package forumkb.bench;

import forumkb.triage.SentenceEmbeddings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What loading the embedding model costs: wall time of the first embedding, and the
 * growth of the Java heap and of the process's resident memory (ONNX Runtime's session
 * lives outside the heap, so RSS is the number that matters).
 */
record ModelCost(double loadSeconds, long heapBeforeMb, long heapAfterMb, long rssBeforeMb, long rssAfterMb) {

	static ModelCost measure(SentenceEmbeddings embeddings) {
		long heapBefore = heapMb();
		long rssBefore = rssMb();
		long start = System.nanoTime();
		embeddings.embed("load the model");
		double seconds = (System.nanoTime() - start) / 1e9;
		return new ModelCost(seconds, heapBefore, heapMb(), rssBefore, rssMb());
	}

	void print() {
		System.out.printf("model load (first embedding): %.2f s; heap used %d -> %d MB; RSS %d -> %d MB%n", loadSeconds,
				heapBeforeMb, heapAfterMb, rssBeforeMb, rssAfterMb);
	}

	static long cpuNanos() {
		return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
	}

	/** The machine's load average over the last minute. */
	static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private static long heapMb() {
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
	}

	/** Linux only; -1 elsewhere. */
	private static long rssMb() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
				}
			}
		}
		catch (IOException e) {
			return -1;
		}
		return -1;
	}
}
