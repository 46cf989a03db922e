/*
 * e2e_bench.c: the end-to-end harness's C side (issue 5): the C reference app, and the load generator both apps
 * (C and Java) are measured against.
 *
 *   --role=app   the C reference: what a plain C program does with a TUN. It creates a TUN (blocking descriptor,
 *                IFF_TUN|IFF_NO_PI), gives it 198.18.100.1/24, brings it up and runs one workload with one read()
 *                or write() per packet; only bulk-offload adds IFF_VNET_HDR and TUNSETOFFLOAD (with USO).
 *   --role=load  the traffic, the same for both apps: kernel UDP sockets in the same namespace, sending to
 *                198.18.100.2 (the TUN's /24 route takes it into the TUN).
 *
 * Workloads:
 *   recv-64, recv-512, recv-1400  load floods UDP datagrams of that payload (sendmmsg, 64 per call); the app
 *                                 counts them: packets/s over the measured window.
 *   echo-64                       load sends one 64-byte datagram to 198.18.100.2:7 and waits for the answer;
 *                                 the app swaps addresses and ports (the checksums stay valid: the sums are
 *                                 commutative) and writes it back. Load reports round trips/s, p50 and p99.
 *   bulk-offload                  load sends 64,400-byte UDP-GSO writes (UDP_SEGMENT 1400: 46 datagrams each);
 *                                 the TUN accepts super-packets (TUN_F_USO4), the app reads them whole with
 *                                 their virtio-net header and counts the UDP payload bytes: Gbit/s.
 *   mq1-64, mq2-64                multi-queue: load floods 64-byte datagrams from MQ_FLOWS UDP sockets (16 flows,
 *                                 distinct source ports, spread over MQ_SENDERS threads) so that the kernel
 *                                 spreads them over the queues by flow hash; the app opens a TUN with
 *                                 IFF_MULTI_QUEUE and N queues, one blocking reader thread per queue, and counts
 *                                 the packets of all queues: packets/s, each queue's share, CPU per packet.
 *
 * Both roles print one line "MEASURE impl=<c|java> workload=<w> value=<v> [key=value...]"; run-bench.sh runs
 * them interleaved, each pair in a fresh network namespace, and takes medians and ratios.
 *
 * Guard: refuses to run in PID 1's network namespace or in the one named by --outside-netns (the namespace the
 * launching script runs in), exit 2. Time: the app measures [first packet + warm-up, + measure]; every wait is
 * bounded (alarm), and the whole process ends by itself within warm-up + measure + 20 s.
 *
 * Build: gcc -O2 -Wall -Wextra -pthread -o e2e_bench e2e_bench.c
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <netinet/in.h>
#include <netinet/udp.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

/* <linux/if_tun.h> of kernels 6.2+ (older userspace headers lack them) */
#ifndef TUN_F_USO4
#define TUN_F_USO4 0x20
#define TUN_F_USO6 0x40
#endif
/* <linux/virtio_net.h> */
#define VNET_HDR_SIZE 10
#define VNET_GSO_NONE 0
#define VNET_GSO_UDP_L4 5
#ifndef UDP_SEGMENT
#define UDP_SEGMENT 103 /* <linux/udp.h> */
#endif

#define IPV4_UDP_HEADERS 28
#define DISCARD_PORT 9
#define ECHO_PORT 7
#define BULK_GSO_SIZE 1400
#define BULK_SEGMENTS 46
#define MAX_PACKET 65536
#define SEND_BATCH 64
#define ROUTE_WAIT_MS 15000
#define MAX_RTT_SAMPLES 4000000
#define ECHO_APP_LINGER_MS 1000
#define MQ_MAX_QUEUES 8
#define MQ_FLOWS 16
#define MQ_SENDERS 2

static const uint8_t TUN_ADDRESS[4] = {198, 18, 100, 1};
static const uint8_t PEER_ADDRESS[4] = {198, 18, 100, 2};

struct options {
    const char *role;
    const char *workload;
    const char *outside_netns;
    long warmup_ms, measure_ms;
    int payload; /* recv-N: N; echo-64: 64 */
    int queues;  /* mqN-64: N; 0 otherwise */
};

static volatile sig_atomic_t alarmed;

static void on_alarm(int sig) {
    (void) sig;
    alarmed = 1;
}

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    printf("FAILED: ");
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    fflush(stdout);
    exit(1);
}

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static long long thread_cpu_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* SIGALRM after ms milliseconds, without SA_RESTART: a blocked read, recv or send returns EINTR. */
static void alarm_in_ms(long ms) {
    struct itimerval t = {{0, 0}, {ms / 1000, (ms % 1000) * 1000}};
    setitimer(ITIMER_REAL, &t, NULL);
}

static void parse(int argc, char **argv, struct options *o) {
    memset(o, 0, sizeof *o);
    o->warmup_ms = 1500;
    o->measure_ms = 3000;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strncmp(a, "--role=", 7) == 0) {
            o->role = a + 7;
        } else if (strncmp(a, "--workload=", 11) == 0) {
            o->workload = a + 11;
        } else if (strncmp(a, "--outside-netns=", 16) == 0) {
            o->outside_netns = a + 16;
        } else if (strncmp(a, "--warmup-ms=", 12) == 0) {
            o->warmup_ms = atol(a + 12);
        } else if (strncmp(a, "--measure-ms=", 13) == 0) {
            o->measure_ms = atol(a + 13);
        } else {
            printf("unknown option %s; expected --role=app|load --workload=W --outside-netns=LINK "
                   "[--warmup-ms=N] [--measure-ms=N]\n", a);
            exit(64);
        }
    }
    if (!o->role || !o->workload || !o->outside_netns || o->warmup_ms < 0 || o->warmup_ms > 60000
            || o->measure_ms < 100 || o->measure_ms > 60000
            || (strcmp(o->role, "app") != 0 && strcmp(o->role, "load") != 0)) {
        printf("need --role=app|load, --workload=W, --outside-netns=LINK; warm-up 0-60000 ms, measure 100-60000 ms\n");
        exit(64);
    }
    if (strcmp(o->workload, "recv-64") == 0) {
        o->payload = 64;
    } else if (strcmp(o->workload, "recv-512") == 0) {
        o->payload = 512;
    } else if (strcmp(o->workload, "recv-1400") == 0) {
        o->payload = 1400;
    } else if (strcmp(o->workload, "echo-64") == 0) {
        o->payload = 64;
    } else if (strncmp(o->workload, "mq", 2) == 0 && o->workload[2] >= '1' && o->workload[2] <= '0' + MQ_MAX_QUEUES
            && strcmp(o->workload + 3, "-64") == 0) {
        o->queues = o->workload[2] - '0';
        o->payload = 64;
    } else if (strncmp(o->workload, "bulk-", 5) == 0) {
        o->payload = BULK_GSO_SIZE; /* bulk-split, bulk-device: the same traffic, for the Java app's variants */
    } else {
        printf("unknown workload %s\n", o->workload);
        exit(64);
    }
}

static void guard(const struct options *o) {
    char self[128], init[128];
    ssize_t n = readlink("/proc/self/ns/net", self, sizeof self - 1);
    if (n < 0) {
        printf("refusing to run: cannot read /proc/self/ns/net\n");
        exit(2);
    }
    self[n] = '\0';
    ssize_t m = readlink("/proc/1/ns/net", init, sizeof init - 1);
    if (m >= 0) {
        init[m] = '\0';
    }
    if ((m >= 0 && strcmp(self, init) == 0) || strcmp(self, o->outside_netns) == 0) {
        printf("refusing to run: network namespace %s is PID 1's or the launcher's; run-bench.sh makes a private one\n",
               self);
        exit(2);
    }
}

/* ---- app --------------------------------------------------------------------------------------------------- */

static void set_address(int sock, unsigned long request, const char *name, const uint8_t a[4], const char *what) {
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    snprintf(ifr.ifr_name, IFNAMSIZ, "%s", name);
    struct sockaddr_in *sin = (struct sockaddr_in *) &ifr.ifr_addr;
    sin->sin_family = AF_INET;
    memcpy(&sin->sin_addr, a, 4);
    if (ioctl(sock, request, &ifr) < 0) {
        die("%s on %s: %s", what, name, strerror(errno));
    }
}

/* One descriptor attached to the TUN named by pattern ("tun%d" makes a new one); the name is left in name. */
static int attach_tun(const char *pattern, short flags, char name[IFNAMSIZ]) {
    int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        die("open /dev/net/tun: %s", strerror(errno));
    }
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    ifr.ifr_flags = flags;
    snprintf(ifr.ifr_name, IFNAMSIZ, "%s", pattern);
    if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
        die("TUNSETIFF: %s", strerror(errno));
    }
    snprintf(name, IFNAMSIZ, "%s", ifr.ifr_name);
    return fd;
}

/*
 * Returns the descriptor of the first queue; *offload tells what TUNSETOFFLOAD accepted (0: not asked). With
 * queues > 0 the TUN is multi-queue and more[0..queues-2] get the other queues' descriptors.
 */
static int create_tun(int vnet, unsigned *offload, int queues, int *more) {
    short flags = IFF_TUN | IFF_NO_PI | (vnet ? IFF_VNET_HDR : 0) | (queues > 0 ? IFF_MULTI_QUEUE : 0);
    char name[IFNAMSIZ];
    int fd = attach_tun("tun%d", flags, name);
    for (int q = 1; q < queues; q++) {
        char same[IFNAMSIZ];
        more[q - 1] = attach_tun(name, flags, same);
    }
    struct ifreq ifr;
    *offload = 0;
    if (vnet) {
        int size = VNET_HDR_SIZE;
        if (ioctl(fd, TUNSETVNETHDRSZ, &size) < 0) {
            die("TUNSETVNETHDRSZ: %s", strerror(errno));
        }
        /* USO needs Linux 6.2+; without it the kernel segments UDP-GSO itself and the app sees plain packets. */
        unsigned want = TUN_F_CSUM | TUN_F_TSO4 | TUN_F_TSO6 | TUN_F_USO4 | TUN_F_USO6;
        if (ioctl(fd, TUNSETOFFLOAD, want) < 0) {
            want = TUN_F_CSUM | TUN_F_TSO4 | TUN_F_TSO6;
            if (ioctl(fd, TUNSETOFFLOAD, want) < 0) {
                die("TUNSETOFFLOAD: %s", strerror(errno));
            }
        }
        *offload = want;
    }
    int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (sock < 0) {
        die("socket: %s", strerror(errno));
    }
    static const uint8_t netmask[4] = {255, 255, 255, 0};
    set_address(sock, SIOCSIFADDR, name, TUN_ADDRESS, "SIOCSIFADDR");
    set_address(sock, SIOCSIFNETMASK, name, netmask, "SIOCSIFNETMASK");
    memset(&ifr, 0, sizeof ifr);
    snprintf(ifr.ifr_name, IFNAMSIZ, "%s", name);
    if (ioctl(sock, SIOCGIFFLAGS, &ifr) < 0) {
        die("SIOCGIFFLAGS: %s", strerror(errno));
    }
    ifr.ifr_flags |= IFF_UP;
    if (ioctl(sock, SIOCSIFFLAGS, &ifr) < 0) {
        die("SIOCSIFFLAGS: %s", strerror(errno));
    }
    close(sock);
    return fd;
}

static uint8_t buffer[VNET_HDR_SIZE + MAX_PACKET];

static int is_data(const uint8_t *p, ssize_t n, int payload) {
    return n == IPV4_UDP_HEADERS + payload && p[0] == 0x45 && p[9] == IPPROTO_UDP;
}

/* The measured window: [first + warmup, first + warmup + measure]. Counts at its two ends give the rate. */
struct window {
    long long first, from, to;
    long long count_at_from, count_at_to;
    long long cpu_at_from, cpu_at_to; /* the reading thread's CPU time (user + system), as the Java app reads it */
    int state; /* 0 waiting for the first packet, 1 warming up, 2 measuring, 3 done */
};

static void window_tick(struct window *w, const struct options *o, long long count) {
    long long t = now_ns();
    if (w->state == 0) {
        w->first = t;
        w->state = 1;
        alarm_in_ms(o->warmup_ms + o->measure_ms + 2000); /* reads block: this ends a stalled run */
    }
    if (w->state == 1 && t - w->first >= o->warmup_ms * 1000000LL) {
        w->from = t;
        w->count_at_from = count;
        w->cpu_at_from = thread_cpu_ns();
        w->state = 2;
    }
    if (w->state == 2 && t - w->first >= (o->warmup_ms + o->measure_ms) * 1000000LL) {
        w->to = t;
        w->count_at_to = count;
        w->cpu_at_to = thread_cpu_ns();
        w->state = 3;
    }
}

static double window_rate(const struct window *w) {
    if (w->state != 3) {
        die("the app saw no traffic for the whole window (state %d)", w->state);
    }
    return (double) (w->count_at_to - w->count_at_from) * 1e9 / (double) (w->to - w->from);
}

static void app_recv(int fd, const struct options *o) {
    struct window w = {0};
    long long count = 0;
    while (!alarmed && w.state != 3) {
        ssize_t n = read(fd, buffer, MAX_PACKET);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            die("read: %s", strerror(errno));
        }
        if (is_data(buffer, n, o->payload)) {
            count++;
            if ((count & 15) == 1) {
                window_tick(&w, o, count);
            }
        }
    }
    printf("MEASURE impl=c workload=%s value=%.0f unit=pps cpu_ns_per_pkt=%.0f\n", o->workload, window_rate(&w),
           (double) (w.cpu_at_to - w.cpu_at_from) / (double) (w.count_at_to - w.count_at_from));
}

static void app_echo(int fd, const struct options *o) {
    long long echoed = 0;
    long long first = 0;
    while (!alarmed) {
        ssize_t n = read(fd, buffer, MAX_PACKET);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            die("read: %s", strerror(errno));
        }
        if (!is_data(buffer, n, o->payload)) {
            continue;
        }
        uint8_t t[4];
        memcpy(t, buffer + 12, 4);
        memcpy(buffer + 12, buffer + 16, 4);
        memcpy(buffer + 16, t, 4);
        memcpy(t, buffer + 20, 2);
        memcpy(buffer + 20, buffer + 22, 2);
        memcpy(buffer + 22, t, 2);
        if (write(fd, buffer, (size_t) n) != n && errno != EINTR) {
            die("write: %s", strerror(errno));
        }
        if (echoed++ == 0) {
            first = now_ns();
            alarm_in_ms(o->warmup_ms + o->measure_ms + ECHO_APP_LINGER_MS);
        }
    }
    printf("# c echo app: %lld packets echoed in %.1f s\n", echoed, (now_ns() - first) / 1e9);
}

static void app_bulk(int fd, const struct options *o, unsigned offload) {
    struct window w = {0};
    long long bytes = 0, reads = 0, segments = 0;
    while (!alarmed && w.state != 3) {
        ssize_t n = read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            die("read: %s", strerror(errno));
        }
        if (n < VNET_HDR_SIZE + IPV4_UDP_HEADERS) {
            continue;
        }
        const uint8_t *ip = buffer + VNET_HDR_SIZE;
        if (ip[0] != 0x45 || ip[9] != IPPROTO_UDP) {
            continue;
        }
        long long payload = n - VNET_HDR_SIZE - IPV4_UDP_HEADERS;
        int gso_type = buffer[1];
        int gso_size = buffer[4] | buffer[5] << 8; /* little-endian: see VirtioNetHeader */
        segments += gso_type == VNET_GSO_UDP_L4 && gso_size > 0 ? (payload + gso_size - 1) / gso_size : 1;
        bytes += payload;
        reads++;
        window_tick(&w, o, bytes);
    }
    double rate = window_rate(&w);
    printf("MEASURE impl=c workload=%s value=%.3f unit=gbps segments_per_read=%.1f offload=%#x cpu_ns_per_pkt=%.0f\n",
           o->workload, rate * 8 / 1e9, reads ? (double) segments / reads : 0, offload,
           (double) (w.cpu_at_to - w.cpu_at_from) / ((double) (w.count_at_to - w.count_at_from) / BULK_GSO_SIZE));
}

/* One reader per queue of the multi-queue TUN; its count on a cache line of its own. */
struct mq_reader {
    int fd;
    int payload;
    pthread_t thread;
    volatile long long count;
    char pad[64];
};

static void *mq_read(void *arg) {
    struct mq_reader *r = arg;
    static __thread uint8_t packet[MAX_PACKET];
    long long count = 0;
    while (!alarmed) {
        ssize_t n = read(r->fd, packet, MAX_PACKET);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            die("read: %s", strerror(errno));
        }
        if (is_data(packet, n, r->payload)) {
            __atomic_store_n(&r->count, ++count, __ATOMIC_RELAXED);
        }
    }
    return NULL;
}

static long long mq_cpu_ns(struct mq_reader *r, int queues) {
    long long sum = 0;
    for (int q = 0; q < queues; q++) {
        clockid_t clock;
        struct timespec t;
        if (pthread_getcpuclockid(r[q].thread, &clock) == 0 && clock_gettime(clock, &t) == 0) {
            sum += t.tv_sec * 1000000000LL + t.tv_nsec;
        }
    }
    return sum;
}

/* The main thread samples the readers' counts at the window's ends, prints, and exits (ending the readers). */
static void app_mq(int fd, int *more, const struct options *o) {
    static struct mq_reader r[MQ_MAX_QUEUES];
    for (int q = 0; q < o->queues; q++) {
        r[q].fd = q == 0 ? fd : more[q - 1];
        r[q].payload = o->payload;
        if (pthread_create(&r[q].thread, NULL, mq_read, &r[q]) != 0) {
            die("pthread_create failed");
        }
    }
    struct timespec tick = {0, 1000000};
    for (;;) {
        long long total = 0;
        for (int q = 0; q < o->queues; q++) {
            total += __atomic_load_n(&r[q].count, __ATOMIC_RELAXED);
        }
        if (total > 0) {
            break;
        }
        if (alarmed) {
            die("the app saw no traffic");
        }
        nanosleep(&tick, NULL);
    }
    alarm_in_ms(o->warmup_ms + o->measure_ms + 2000);
    struct timespec warm = {o->warmup_ms / 1000, (o->warmup_ms % 1000) * 1000000};
    struct timespec measure = {o->measure_ms / 1000, (o->measure_ms % 1000) * 1000000};
    while (nanosleep(&warm, &warm) < 0 && errno == EINTR) {
    }
    long long from[MQ_MAX_QUEUES], to[MQ_MAX_QUEUES];
    long long t_from = now_ns(), cpu_from = mq_cpu_ns(r, o->queues);
    for (int q = 0; q < o->queues; q++) {
        from[q] = __atomic_load_n(&r[q].count, __ATOMIC_RELAXED);
    }
    while (nanosleep(&measure, &measure) < 0 && errno == EINTR) {
    }
    long long t_to = now_ns(), cpu_to = mq_cpu_ns(r, o->queues);
    for (int q = 0; q < o->queues; q++) {
        to[q] = __atomic_load_n(&r[q].count, __ATOMIC_RELAXED);
    }
    long long packets = 0;
    char shares[256] = "";
    for (int q = 0; q < o->queues; q++) {
        packets += to[q] - from[q];
        snprintf(shares + strlen(shares), sizeof shares - strlen(shares), "%s%lld", q ? "/" : "", to[q] - from[q]);
    }
    if (packets == 0) {
        die("no packet in the measured window");
    }
    printf("MEASURE impl=c workload=%s value=%.0f unit=pps queues=%d per_queue=%s cpu_ns_per_pkt=%.0f\n", o->workload,
           packets * 1e9 / (double) (t_to - t_from), o->queues, shares, (double) (cpu_to - cpu_from) / (double) packets);
    fflush(stdout);
    _exit(0); /* the readers are blocked in read(); the TUN goes with the process */
}

static int run_app(const struct options *o) {
    int bulk = strcmp(o->workload, "bulk-offload") == 0;
    unsigned offload;
    int more[MQ_MAX_QUEUES];
    alarm_in_ms(ROUTE_WAIT_MS + o->warmup_ms + o->measure_ms); /* no traffic at all: give up */
    int fd = create_tun(bulk, &offload, o->queues, more);
    if (o->queues > 0) {
        app_mq(fd, more, o);
    } else if (bulk) {
        app_bulk(fd, o, offload);
    } else if (strcmp(o->workload, "echo-64") == 0) {
        app_echo(fd, o);
    } else {
        app_recv(fd, o);
    }
    close(fd);
    return 0;
}

/* ---- load -------------------------------------------------------------------------------------------------- */

/* A UDP socket connected to 198.18.100.2:port, once the app's TUN has its route (ENETUNREACH until then). */
static int connect_when_routed(int port) {
    int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (sock < 0) {
        die("socket: %s", strerror(errno));
    }
    struct sockaddr_in peer = {.sin_family = AF_INET, .sin_port = htons((uint16_t) port)};
    memcpy(&peer.sin_addr, PEER_ADDRESS, 4);
    long long until = now_ns() + ROUTE_WAIT_MS * 1000000LL;
    while (connect(sock, (struct sockaddr *) &peer, sizeof peer) < 0) {
        if (now_ns() > until) {
            die("load: no route to 198.18.100.2 within %d ms: %s", ROUTE_WAIT_MS, strerror(errno));
        }
        struct timespec pause = {0, 5000000};
        nanosleep(&pause, NULL);
    }
    return sock;
}

/* This process's CPU time (all threads, user + system) in ns: the load's cost per datagram it sends. */
static long long process_cpu_ns(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000000000LL + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1000LL;
}

static int compare_ll(const void *a, const void *b) {
    long long x = *(const long long *) a, y = *(const long long *) b;
    return (x > y) - (x < y);
}

static void load_echo(const struct options *o) {
    int sock = connect_when_routed(ECHO_PORT);
    struct timeval timeout = {0, 200000}; /* a lost datagram costs 200 ms, then the next one goes */
    setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    static long long rtt[MAX_RTT_SAMPLES];
    uint8_t out[64] = {1}, in[128];
    long long start = now_ns();
    long long from = start + o->warmup_ms * 1000000LL, to = from + o->measure_ms * 1000000LL;
    long long samples = 0, lost = 0, measured_from = 0, t = start;
    while (t < to) {
        long long sent = now_ns();
        if (send(sock, out, sizeof out, 0) < 0) {
            die("load: send: %s", strerror(errno));
        }
        ssize_t n = recv(sock, in, sizeof in, 0);
        t = now_ns();
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR) {
                lost++;
                continue;
            }
            die("load: recv: %s", strerror(errno));
        }
        if (sent >= from && samples < MAX_RTT_SAMPLES) {
            if (samples == 0) {
                measured_from = sent;
            }
            rtt[samples++] = t - sent;
        }
    }
    if (samples == 0) {
        die("load: no echo answered in the measured window");
    }
    double rate = samples * 1e9 / (double) (t - measured_from);
    qsort(rtt, (size_t) samples, sizeof rtt[0], compare_ll);
    printf("MEASURE impl=load workload=%s value=%.0f unit=rtt/s p50_us=%.2f p99_us=%.2f lost=%lld\n", o->workload,
           rate, rtt[samples / 2] / 1e3, rtt[samples * 99 / 100] / 1e3, lost);
}

static void load_flood(const struct options *o, int bulk) {
    int sock = connect_when_routed(DISCARD_PORT);
    static uint8_t data[BULK_GSO_SIZE * BULK_SEGMENTS];
    for (size_t i = 0; i < sizeof data; i++) {
        data[i] = (uint8_t) (i % 251);
    }
    size_t length = (size_t) o->payload;
    if (bulk) {
        int gso = BULK_GSO_SIZE;
        if (setsockopt(sock, IPPROTO_UDP, UDP_SEGMENT, &gso, sizeof gso) < 0) {
            die("load: UDP_SEGMENT: %s", strerror(errno));
        }
        length = sizeof data;
    }
    struct iovec iov = {data, length};
    struct mmsghdr batch[SEND_BATCH];
    memset(batch, 0, sizeof batch);
    for (int i = 0; i < SEND_BATCH; i++) {
        batch[i].msg_hdr.msg_iov = &iov;
        batch[i].msg_hdr.msg_iovlen = 1;
    }
    /* Until the app is gone (its TUN, and so the route, goes with it) or the time is up. */
    long long until = now_ns() + (o->warmup_ms + o->measure_ms + 5000) * 1000000LL;
    long long sent = 0;
    while (now_ns() < until) {
        int n = bulk ? (int) (send(sock, data, length, 0) < 0 ? -1 : 1) : sendmmsg(sock, batch, SEND_BATCH, 0);
        if (n < 0) {
            if (errno == EINTR || errno == ENOBUFS || errno == EAGAIN) {
                continue;
            }
            break; /* ENETUNREACH, EHOSTUNREACH, ECONNREFUSED...: the app has gone */
        }
        sent += n;
    }
    /* bulk: sent counts GSO writes; cpu per datagram counts the 46 datagrams each stands for */
    long long datagrams = bulk ? sent * BULK_SEGMENTS : sent;
    printf("# load: %lld sends, cpu_ns_per_datagram=%.0f\n", sent,
           datagrams ? (double) process_cpu_ns() / (double) datagrams : 0.0);
}

/* One sender thread of the multi-queue load: its share of the flows, 64 datagrams per sendmmsg, in turn. */
struct mq_sender {
    const struct options *o;
    int socks[MQ_FLOWS];
    int count;
    pthread_t thread;
    long long sent;
};

static void *mq_send(void *arg) {
    struct mq_sender *s = arg;
    static __thread uint8_t data[64];
    struct iovec iov = {data, (size_t) s->o->payload};
    struct mmsghdr batch[SEND_BATCH];
    memset(batch, 0, sizeof batch);
    for (int i = 0; i < SEND_BATCH; i++) {
        batch[i].msg_hdr.msg_iov = &iov;
        batch[i].msg_hdr.msg_iovlen = 1;
    }
    long long until = now_ns() + (s->o->warmup_ms + s->o->measure_ms + 5000) * 1000000LL;
    int gone = 0;
    for (int i = 0; !gone && now_ns() < until; i = (i + 1) % s->count) {
        int n = sendmmsg(s->socks[i], batch, SEND_BATCH, 0);
        if (n < 0) {
            if (errno == EINTR || errno == ENOBUFS || errno == EAGAIN) {
                continue;
            }
            gone = 1; /* the app has gone */
        } else {
            s->sent += n;
        }
    }
    return NULL;
}

static void load_flows(const struct options *o) {
    static struct mq_sender senders[MQ_SENDERS];
    for (int f = 0; f < MQ_FLOWS; f++) { /* each socket its own ephemeral source port: its own flow */
        struct mq_sender *s = &senders[f % MQ_SENDERS];
        s->o = o;
        s->socks[s->count++] = connect_when_routed(DISCARD_PORT);
    }
    for (int i = 0; i < MQ_SENDERS; i++) {
        if (pthread_create(&senders[i].thread, NULL, mq_send, &senders[i]) != 0) {
            die("load: pthread_create failed");
        }
    }
    long long sent = 0;
    for (int i = 0; i < MQ_SENDERS; i++) {
        pthread_join(senders[i].thread, NULL);
        sent += senders[i].sent;
    }
    printf("# load: %lld datagrams from %d flows, %d sender threads, cpu_ns_per_datagram=%.0f\n", sent, MQ_FLOWS,
           MQ_SENDERS, sent ? (double) process_cpu_ns() / (double) sent : 0.0);
}

static int run_load(const struct options *o) {
    alarm_in_ms(ROUTE_WAIT_MS + o->warmup_ms + o->measure_ms + 10000); /* the backstop: SIGALRM ends us */
    signal(SIGALRM, SIG_DFL);
    if (strcmp(o->workload, "echo-64") == 0) {
        load_echo(o);
    } else if (o->queues > 0) {
        load_flows(o);
    } else {
        load_flood(o, strncmp(o->workload, "bulk-", 5) == 0);
    }
    return 0;
}

int main(int argc, char **argv) {
    struct options o;
    parse(argc, argv, &o);
    guard(&o);
    setvbuf(stdout, NULL, _IOLBF, 0);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm; /* no SA_RESTART: the blocked call returns EINTR */
    sigaction(SIGALRM, &sa, NULL);
    return strcmp(o.role, "app") == 0 ? run_app(&o) : run_load(&o);
}
