# The end-to-end harness's summary (run-bench.sh): reads the tagged MEASURE lines of every run
# ("MEASURE impl=<c|java> repeat=<n> workload=<w> value=<v> unit=<u> [key=value...]") and prints, per workload,
# the medians, the median of the pair-by-pair Java/C ratios, the reader's CPU per packet, the echo latencies, and
# last the RESULT lines in the form issue 5 fixes. Before them, the extra workloads (not RESULTs): bulk-split, and
# one "MQ queues=<n> java=<pps> c=<pps>" line per multi-queue workload (mq1-64, mq2-64) with the scaling.
# Usage: awk -v workloads="recv-64 ..." -v extra="bulk-split mq1-64 mq2-64" -f e2e-summary.awk FILE
function field(name,   i) { for (i = 1; i <= NF; i++) if (index($i, name "=") == 1) return substr($i, length(name) + 2); return "" }
function median(list, n,   i, j, t, a) {
    for (i = 1; i <= n; i++) a[i] = list[i] + 0 # numbers, not strings: "171" sorts before "57" as text
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
/^MEASURE / {
    impl = field("impl"); w = field("workload"); r = field("repeat")
    value[impl, w, r] = field("value"); unit[w] = field("unit")
    p50[impl, w, r] = field("p50_us"); p99[impl, w, r] = field("p99_us"); cpu[impl, w, r] = field("cpu_ns_per_pkt")
    queues[w] = field("queues"); loadcpu[impl, w, r] = field("load_cpu_ns_per_pkt"); share[impl, w, r] = field("per_queue")
    b = field("binding"); if (b != "" && index(" " bindings " ", " " b " ") == 0) bindings = bindings (bindings == "" ? "" : " ") b
    if (r > repeats) repeats = r
}
END {
    n = split(workloads, ws, " ")
    for (k = 1; k <= n; k++) {
        w = ws[k]
        for (r = 1; r <= repeats; r++) {
            cs[r] = value["c", w, r]; js[r] = value["java", w, r]; ratio[r] = cs[r] > 0 ? js[r] / cs[r] : 0
            c50[r] = p50["c", w, r]; j50[r] = p50["java", w, r]; c99[r] = p99["c", w, r]; j99[r] = p99["java", w, r]
            r99[r] = c99[r] > 0 ? j99[r] / c99[r] : 0
        }
        mc[w] = median(cs, repeats); mj[w] = median(js, repeats); mr[w] = median(ratio, repeats)
        if (w != "echo-64") {
            for (r = 1; r <= repeats; r++) { cc[r] = cpu["c", w, r]; jc[r] = cpu["java", w, r]; cr[r] = jc[r] > 0 ? cc[r] / jc[r] : 0 }
            for (r = 1; r <= repeats; r++) { lc[r] = loadcpu["c", w, r]; lj[r] = loadcpu["java", w, r] }
            printf "%-13s reader CPU per packet (median): c %s ns, java %s ns; c/java %.3f pair by pair (rate ratio %.3f); sender CPU per datagram %s / %s ns\n",
                w, median(cc, repeats), median(jc, repeats), median(cr, repeats), mr[w], median(lc, repeats), median(lj, repeats)
        }
        if (w == "echo-64")
            printf "echo-64 latency (median of %d): c p50 %.2f us p99 %.2f us; java p50 %.2f us p99 %.2f us; java/c p99 %.2f (pair by pair)\n",
                repeats, median(c50, repeats), median(c99, repeats), median(j50, repeats), median(j99, repeats), median(r99, repeats)
    }
    for (r = 1; r <= repeats; r++) sp[r] = value["java", "bulk-split", r]
    plain = mc["recv-1400"] * 1400 * 8 / 1e9
    if (plain > 0 && mc["bulk-offload"] > 0)
        printf "bulk-offload vs plain per-packet C receive (recv-1400: %.2f Gbit/s of payload): c %.1fx, java %.1fx\n",
            plain, mc["bulk-offload"] / plain, mj["bulk-offload"] / plain
    if (sp[1] != "")
        printf "bulk-split (not a RESULT; the library cuts every super-packet into packets, Tun.receiveBatch): java %.2f Gbit/s (median)\n", median(sp, repeats)
    m = split(extra, xs, " ")
    for (k = 1; k <= m; k++) {
        w = xs[k]
        if (w !~ /^mq/ || queues[w] == "") continue
        for (r = 1; r <= repeats; r++) {
            cs[r] = value["c", w, r]; js[r] = value["java", w, r]; ratio[r] = cs[r] > 0 ? js[r] / cs[r] : 0
            cc[r] = cpu["c", w, r]; jc[r] = cpu["java", w, r]; lc[r] = loadcpu["c", w, r]; lj[r] = loadcpu["java", w, r]
            shares = shares " " share["c", w, r] "|" share["java", w, r]
        }
        mqc[queues[w]] = median(cs, repeats); mqj[queues[w]] = median(js, repeats)
        printf "MQ queues=%s java=%.0f c=%.0f unit=pps ratio=%.3f readers_cpu_ns_per_pkt java=%.0f c=%.0f sender_cpu_ns_per_pkt java_run=%.0f c_run=%.0f per_queue_c|java=%s\n",
            queues[w], mqj[queues[w]], mqc[queues[w]], median(ratio, repeats), median(jc, repeats), median(cc, repeats),
            median(lj, repeats), median(lc, repeats), substr(shares, 2)
        shares = ""
    }
    if (mqj[1] > 0 && mqj[2] > 0)
        printf "MQ scaling from 1 to 2 queues (medians): java %.2fx, c %.2fx\n", mqj[2] / mqj[1], (mqc[1] > 0 ? mqc[2] / mqc[1] : 0)
    if (bindings != "") printf "java packet-path binding: %s\n", bindings
    print ""
    for (k = 1; k <= n; k++) {
        w = ws[k]
        printf "RESULT workload=%s java=%s c=%s unit=%s ratio=%.3f\n", w, mj[w], mc[w], unit[w], mr[w]
    }
}
