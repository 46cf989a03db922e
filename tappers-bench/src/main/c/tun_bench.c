/*
 * tun_bench.c: the C reference for dev.tappers.bench.TunBenchmark.
 *
 * It makes the measurements the Java benchmark makes, with the system calls the Linux provider makes on its
 * packet path, and prints the same table, so the difference between the two outputs is what the JVM, JNA and
 * the provider's Java code cost:
 *   - the TUN descriptor is opened nonblocking (O_RDWR|O_NONBLOCK|O_CLOEXEC) with IFF_TUN|IFF_NO_PI;
 *   - send is one write(2) per packet (a poll for POLLOUT only after EAGAIN, which a TUN never returns);
 *   - receive is one readv(2) per packet into two 65535-byte regions (the caller's buffer, then the overflow
 *     area that keeps a too-long packet whole), and, only after a readv found the queue empty, a poll(2) on the
 *     TUN and on an eventfd (the provider's close-wakes-receive mechanism);
 *   - the receive test's sender thread uses send(2) on a connected UDP socket, as DatagramChannel.write does.
 * Setup differs and is not measured: the address goes on with SIOCSIFADDR/SIOCSIFNETMASK here, with rtnetlink
 * in the provider.
 *
 * Like the Java side it refuses to run outside a private network namespace; run-bench.sh starts it through
 * `unshare --net`. Options: --packets=N --warmups=N --rounds=N --max-seconds=N --payloads=A,B,...
 * Exit status: 0 done, 1 failed, 2 refused (namespace), 64 bad options.
 *
 * Build: gcc -O2 -Wall -Wextra -pthread -o tun_bench tun_bench.c
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

/* Same constants as the Java side (BenchConfig, Ipv4Udp, ReceiveTest). */
#define DEFAULT_PACKETS 200000
#define DEFAULT_WARMUPS 2
#define DEFAULT_ROUNDS 3
#define DEFAULT_MAX_SECONDS 10
#define MAX_PAYLOADS 16
#define HEADER_BYTES 28
#define IPV4_HEADER_BYTES 20
#define MAX_PAYLOAD (1500 - HEADER_BYTES)
#define DISCARD_PORT 9
#define SEND_SOURCE_PORT 40000
#define END_MARKER_PAYLOAD 1
#define MAX_PACKET 65535             /* Tun.MAX_PACKET_SIZE: the provider's receive regions are this large */
#define MARKER_NANOS 5000000000LL
#define MARKER_GAP_NANOS 200000L
#define WATCHDOG_SLACK_SECONDS 10

#define ROW_HEADER "test  payload ip-bytes  packets  pkts/s-med  pkts/s-min  pkts/s-max    Mbit/s   drops cpu-ns/pkt alloc-B/pkt"
#define ROW_FORMAT "%-4s %8d %8d %8lld %11.0f %11.0f %11.0f %9.1f %7s %10.0f %11s%s\n"
#define RESULT_FORMAT "RESULT %s %s %d %.0f %.1f %s %.0f %s\n"

static const uint8_t TUN_ADDRESS[4] = {198, 18, 100, 1};
static const uint8_t PEER_ADDRESS[4] = {198, 18, 100, 2};

struct config {
    long long packets;
    int warmups, rounds, max_seconds;
    int payloads[MAX_PAYLOADS];
    int npayloads;
};

struct row {
    const char *test;
    int payload;
    long long packets;
    double median, min, max;
    double drop_percent; /* < 0: not applicable */
    double cpu_per_packet; /* CPU time (user + system) of the measuring thread per packet, in ns */
    int cut;
};

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

static long long clock_nanos(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static long long now_nanos(void) {
    return clock_nanos(CLOCK_MONOTONIC);
}

/* The calling thread's CPU time, user and system: what the JVM's getCurrentThreadCpuTime reads. */
static long long thread_cpu_nanos(void) {
    return clock_nanos(CLOCK_THREAD_CPUTIME_ID);
}

/* ---- options ----------------------------------------------------------------------------------------------- */

static void usage_exit(const char *problem) {
    printf("%s; options: --packets=N (default %d) --warmups=N (%d) --rounds=N (%d) --max-seconds=N (%d) "
           "--payloads=A,B,... (64,512,1400)\n", problem, DEFAULT_PACKETS, DEFAULT_WARMUPS, DEFAULT_ROUNDS,
           DEFAULT_MAX_SECONDS);
    exit(64);
}

static long long number(const char *name, const char *value, long long min, long long max) {
    char *end;
    char msg[256];
    errno = 0;
    long long v = strtoll(value, &end, 10);
    if (errno != 0 || end == value || *end != '\0') {
        snprintf(msg, sizeof msg, "benchmark option --%s: \"%s\" is not a whole number", name, value);
        usage_exit(msg);
    }
    if (v < min || v > max) {
        snprintf(msg, sizeof msg, "benchmark option --%s: %lld is out of range %lld-%lld", name, v, min, max);
        usage_exit(msg);
    }
    return v;
}

static void parse_options(int argc, char **argv, struct config *c) {
    c->packets = DEFAULT_PACKETS;
    c->warmups = DEFAULT_WARMUPS;
    c->rounds = DEFAULT_ROUNDS;
    c->max_seconds = DEFAULT_MAX_SECONDS;
    c->payloads[0] = 64;
    c->payloads[1] = 512;
    c->payloads[2] = 1400;
    c->npayloads = 3;
    for (int i = 1; i < argc; i++) {
        char msg[256];
        char *eq = strchr(argv[i], '=');
        if (strncmp(argv[i], "--", 2) != 0 || eq == NULL) {
            snprintf(msg, sizeof msg, "benchmark option \"%s\": expected --name=value", argv[i]);
            usage_exit(msg);
        }
        *eq = '\0';
        const char *name = argv[i] + 2;
        const char *value = eq + 1;
        if (strcmp(name, "packets") == 0) {
            c->packets = number(name, value, 1, 10000000);
        } else if (strcmp(name, "warmups") == 0) {
            c->warmups = (int) number(name, value, 0, 20);
        } else if (strcmp(name, "rounds") == 0) {
            c->rounds = (int) number(name, value, 1, 20);
        } else if (strcmp(name, "max-seconds") == 0) {
            c->max_seconds = (int) number(name, value, 1, 120);
        } else if (strcmp(name, "payloads") == 0) {
            char copy[256];
            snprintf(copy, sizeof copy, "%s", value);
            c->npayloads = 0;
            for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
                if (c->npayloads == MAX_PAYLOADS) {
                    usage_exit("benchmark option --payloads: too many sizes");
                }
                /* The receive test ends on a 1-byte payload, so no data packet may have one. */
                c->payloads[c->npayloads++] = (int) number(name, tok, END_MARKER_PAYLOAD + 1, MAX_PAYLOAD);
            }
            if (c->npayloads == 0) {
                usage_exit("benchmark option --payloads: give at least one size");
            }
        } else {
            snprintf(msg, sizeof msg, "benchmark option \"%s=%s\" is unknown", name, value);
            usage_exit(msg);
        }
    }
}

/* ---- namespace guard (NamespaceGuard.java) --------------------------------------------------------------- */

static int net_namespace_of(const char *pid, char *out, size_t size) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%s/ns/net", pid);
    ssize_t n = readlink(path, out, size - 1);
    if (n < 0) {
        out[0] = '\0';
        return 0;
    }
    out[n] = '\0';
    return 1;
}

/* Returns 1 and fills why when this process must not run the benchmark. */
static int namespace_problem(char *why, size_t size) {
    char self[128], init[128], parent[128], ppid[32];
    const char *how = "; start it through `unshare --net` (tappers-bench/run-bench.sh does)";
    snprintf(ppid, sizeof ppid, "%d", (int) getppid());
    int has_self = net_namespace_of("self", self, sizeof self);
    int has_init = net_namespace_of("1", init, sizeof init);
    int has_parent = net_namespace_of(ppid, parent, sizeof parent);
    if (!has_self) {
        snprintf(why, size, "cannot read /proc/self/ns/net, so cannot tell whether this is a private network namespace");
    } else if (has_init && strcmp(self, init) == 0) {
        snprintf(why, size, "this process shares PID 1's network namespace %s%s", self, how);
    } else if (has_parent && strcmp(self, parent) == 0) {
        snprintf(why, size, "this process shares its parent's network namespace %s%s", self, how);
    } else if (!has_init && !has_parent) {
        snprintf(why, size, "cannot read the network namespace of PID 1 or of the parent process to compare with %s", self);
    } else {
        return 0;
    }
    return 1;
}

/* ---- packets (Ipv4Udp.java) ------------------------------------------------------------------------------ */

static uint32_t sum16(const uint8_t *b, int length, uint32_t initial) {
    uint64_t s = initial;
    int i = 0;
    for (; i + 1 < length; i += 2) {
        s += (uint32_t) (b[i] << 8 | b[i + 1]);
    }
    if (i < length) {
        s += (uint32_t) (b[i] << 8);
    }
    while (s >> 16) {
        s = (s & 0xffff) + (s >> 16);
    }
    return (uint32_t) s;
}

static void put16(uint8_t *b, int at, int value) {
    b[at] = (uint8_t) (value >> 8);
    b[at + 1] = (uint8_t) value;
}

static int get16(const uint8_t *b, int at) {
    return b[at] << 8 | b[at + 1];
}

/* The send test's packet, byte for byte what Ipv4Udp.toTun builds. Returns its length. */
static int build_packet(uint8_t *p, int payload) {
    int total = HEADER_BYTES + payload;
    memset(p, 0, (size_t) total);
    p[0] = 0x45;
    put16(p, 2, total);
    p[6] = 0x40;
    p[8] = 64;
    p[9] = IPPROTO_UDP;
    memcpy(p + 12, PEER_ADDRESS, 4);
    memcpy(p + 16, TUN_ADDRESS, 4);
    put16(p, 10, (int) (~sum16(p, IPV4_HEADER_BYTES, 0) & 0xffff));
    int udp = IPV4_HEADER_BYTES;
    put16(p, udp, SEND_SOURCE_PORT);
    put16(p, udp + 2, DISCARD_PORT);
    put16(p, udp + 4, 8 + payload);
    for (int i = 0; i < payload; i++) {
        p[HEADER_BYTES + i] = (uint8_t) (i % 251);
    }
    uint32_t pseudo = sum16(p + 12, 8, 0) + IPPROTO_UDP + 8 + (uint32_t) payload;
    int udp_sum = (int) (~sum16(p + udp, 8 + payload, pseudo) & 0xffff);
    put16(p, udp + 6, udp_sum == 0 ? 0xffff : udp_sum);
    return total;
}

enum kind { DATA, END_MARKER, OTHER };

static enum kind classify(const uint8_t *p, ssize_t length, int data_payload) {
    if (length < HEADER_BYTES || p[0] != 0x45 || p[9] != IPPROTO_UDP || memcmp(p + 16, PEER_ADDRESS, 4) != 0
            || get16(p, IPV4_HEADER_BYTES + 2) != DISCARD_PORT) {
        return OTHER;
    }
    int payload = get16(p, IPV4_HEADER_BYTES + 4) - 8;
    if (payload != length - HEADER_BYTES) {
        return OTHER;
    }
    if (payload == data_payload) {
        return DATA;
    }
    return payload == END_MARKER_PAYLOAD ? END_MARKER : OTHER;
}

/* ---- statistics and table (Summary.java, ResultTable.java) ------------------------------------------------ */

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

static void summarize(double *rates, int n, struct row *r) {
    qsort(rates, (size_t) n, sizeof *rates, compare_doubles);
    r->median = n % 2 == 1 ? rates[n / 2] : (rates[n / 2 - 1] + rates[n / 2]) / 2;
    r->min = rates[0];
    r->max = rates[n - 1];
}

static double megabits(const struct row *r) {
    return r->median * (r->payload + HEADER_BYTES) * 8 / 1e6;
}

static void drops_text(const struct row *r, char *out, size_t size) {
    if (r->drop_percent < 0) {
        snprintf(out, size, "-");
    } else {
        snprintf(out, size, "%.2f%%", r->drop_percent);
    }
}

static void print_row(const struct row *r) {
    char drops[32];
    drops_text(r, drops, sizeof drops);
    printf(ROW_FORMAT, r->test, r->payload, r->payload + HEADER_BYTES, r->packets, r->median, r->min, r->max,
           megabits(r), drops, r->cpu_per_packet, "-", r->cut ? "  (cut by time limit)" : "");
}

static void print_result(const struct row *r) {
    char drops[32];
    drops_text(r, drops, sizeof drops);
    printf(RESULT_FORMAT, "c", r->test, r->payload, r->median, megabits(r), drops, r->cpu_per_packet, "-");
}

/* ---- kernel UDP counters (UdpCounters.java) --------------------------------------------------------------- */

static long long udp_arrived(void) {
    FILE *f = fopen("/proc/net/snmp", "r");
    if (!f) {
        die("open /proc/net/snmp: %s", strerror(errno));
    }
    char names[1024] = "", values[1024] = "", line[1024];
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "Udp: ", 5) == 0) {
            if (names[0] == '\0') {
                snprintf(names, sizeof names, "%s", line);
            } else {
                snprintf(values, sizeof values, "%s", line);
                break;
            }
        }
    }
    fclose(f);
    if (values[0] == '\0') {
        die("parse /proc/net/snmp: no pair of Udp: lines");
    }
    long long total = 0;
    int found = 0;
    char *save_n = NULL, *save_v = NULL;
    for (char *n = strtok_r(names, " \n", &save_n), *v = strtok_r(values, " \n", &save_v); n && v;
         n = strtok_r(NULL, " \n", &save_n), v = strtok_r(NULL, " \n", &save_v)) {
        if (strcmp(n, "InDatagrams") == 0 || strcmp(n, "NoPorts") == 0 || strcmp(n, "InErrors") == 0) {
            total += atoll(v);
            found++;
        }
    }
    if (found != 3) {
        die("parse /proc/net/snmp: InDatagrams, NoPorts or InErrors is missing");
    }
    return total;
}

/* ---- the device ------------------------------------------------------------------------------------------- */

struct device {
    int fd;          /* the TUN queue, nonblocking */
    int wake_fd;     /* eventfd: the watchdog writes it to wake a reader blocked in poll */
    char name[IFNAMSIZ];
    int mtu;
};

static void set_address(int sock, unsigned long request, const char *name, const uint8_t address[4], const char *what) {
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    snprintf(ifr.ifr_name, IFNAMSIZ, "%s", name);
    struct sockaddr_in *sin = (struct sockaddr_in *) &ifr.ifr_addr;
    sin->sin_family = AF_INET;
    memcpy(&sin->sin_addr, address, 4);
    if (ioctl(sock, request, &ifr) < 0) {
        die("%s on %s: %s", what, name, strerror(errno));
    }
}

static void create_tun(struct device *d) {
    d->fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (d->fd < 0) {
        die("open /dev/net/tun: %s", strerror(errno));
    }
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    ifr.ifr_flags = IFF_TUN | IFF_NO_PI;
    snprintf(ifr.ifr_name, IFNAMSIZ, "tun%%d");
    if (ioctl(d->fd, TUNSETIFF, &ifr) < 0) {
        die("TUNSETIFF: %s", strerror(errno));
    }
    snprintf(d->name, IFNAMSIZ, "%s", ifr.ifr_name);

    int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (sock < 0) {
        die("socket: %s", strerror(errno));
    }
    static const uint8_t netmask[4] = {255, 255, 255, 0};
    set_address(sock, SIOCSIFADDR, d->name, TUN_ADDRESS, "SIOCSIFADDR");
    set_address(sock, SIOCSIFNETMASK, d->name, netmask, "SIOCSIFNETMASK");
    memset(&ifr, 0, sizeof ifr);
    snprintf(ifr.ifr_name, IFNAMSIZ, "%s", d->name);
    if (ioctl(sock, SIOCGIFFLAGS, &ifr) < 0) {
        die("SIOCGIFFLAGS on %s: %s", d->name, strerror(errno));
    }
    ifr.ifr_flags |= IFF_UP;
    if (ioctl(sock, SIOCSIFFLAGS, &ifr) < 0) {
        die("SIOCSIFFLAGS on %s: %s", d->name, strerror(errno));
    }
    if (ioctl(sock, SIOCGIFMTU, &ifr) < 0) {
        die("SIOCGIFMTU on %s: %s", d->name, strerror(errno));
    }
    d->mtu = ifr.ifr_mtu;
    close(sock);

    d->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (d->wake_fd < 0) {
        die("eventfd: %s", strerror(errno));
    }
}

/* ---- send test (SendTest.java) ---------------------------------------------------------------------------- */

static long long send_written;

static void send_round(struct device *d, const struct config *c, const uint8_t *packet, int length,
                       long long *sent_out, long long *nanos_out, long long *cpu_out) {
    long long max_nanos = c->max_seconds * 1000000000LL;
    long long sent = 0;
    long long cpu_before = thread_cpu_nanos();
    long long start = now_nanos();
    while (sent < c->packets) {
        ssize_t n = write(d->fd, packet, (size_t) length);
        if (n < 0) {
            if (errno == EAGAIN) {
                struct pollfd p[2] = {{d->fd, POLLOUT, 0}, {d->wake_fd, POLLIN, 0}};
                poll(p, 2, -1);
                continue;
            }
            if (errno == EINTR) {
                continue;
            }
            die("send test: write: %s", strerror(errno));
        }
        if (n != length) {
            die("send test: the TUN took %zd of %d bytes", n, length);
        }
        sent++;
        if ((sent & 1023) == 0 && now_nanos() - start > max_nanos) {
            break;
        }
    }
    *nanos_out = now_nanos() - start;
    *cpu_out = thread_cpu_nanos() - cpu_before;
    *sent_out = sent;
    send_written += sent;
}

static struct row send_test(struct device *d, const struct config *c, int payload) {
    static uint8_t packet[HEADER_BYTES + MAX_PAYLOAD];
    int length = build_packet(packet, payload);
    long long sent, nanos, cpu, all_cpu = 0, all_sent = 0;
    for (int i = 0; i < c->warmups; i++) {
        send_round(d, c, packet, length, &sent, &nanos, &cpu);
    }
    double rates[32];
    struct row r = {"send", payload, LLONG_MAX, 0, 0, 0, -1, 0, 0};
    for (int i = 0; i < c->rounds; i++) {
        send_round(d, c, packet, length, &sent, &nanos, &cpu);
        rates[i] = sent * 1e9 / nanos;
        all_cpu += cpu;
        all_sent += sent;
        if (sent < r.packets) {
            r.packets = sent;
        }
        r.cut |= sent < c->packets;
    }
    summarize(rates, c->rounds, &r);
    r.cpu_per_packet = (double) all_cpu / (double) all_sent;
    return r;
}

/* ---- receive test (ReceiveTest.java) ---------------------------------------------------------------------- */

struct sender {
    int sock;
    int payload;
    const struct config *config;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    int go;                 /* under lock */
    int round_over;         /* under lock: the reader is done (or gave up); also wakes the watchdog */
    atomic_int stop;
    long long sent;
    int cut;
    int failure;            /* errno of a failed send, or 0 */
};

static void *sender_main(void *arg) {
    struct sender *s = arg;
    static uint8_t data[MAX_PAYLOAD];
    uint8_t marker[END_MARKER_PAYLOAD] = {0};
    for (int i = 0; i < s->payload; i++) {
        data[i] = (uint8_t) (i % 251);
    }
    pthread_mutex_lock(&s->lock);
    while (!s->go) {
        pthread_cond_wait(&s->changed, &s->lock);
    }
    pthread_mutex_unlock(&s->lock);

    long long max_nanos = s->config->max_seconds * 1000000000LL;
    long long n = 0;
    long long start = now_nanos();
    while (n < s->config->packets) {
        if (send(s->sock, data, (size_t) s->payload, 0) < 0 && errno != EINTR) {
            s->failure = errno;
            return NULL;
        }
        n++;
        if ((n & 1023) == 0 && now_nanos() - start > max_nanos) {
            s->cut = 1;
            break;
        }
    }
    s->sent = n;
    long long markers_from = now_nanos();
    struct timespec gap = {0, MARKER_GAP_NANOS};
    while (!atomic_load(&s->stop) && now_nanos() - markers_from < MARKER_NANOS) {
        if (send(s->sock, marker, sizeof marker, 0) < 0 && errno != EINTR) {
            s->failure = errno;
            return NULL;
        }
        nanosleep(&gap, NULL);
    }
    return NULL;
}

struct watchdog {
    struct sender *sender;
    int wake_fd;
    int seconds;
    int fired;
};

/* Wakes the reader through the eventfd if the round outlives its limit, as the Java side closes the TUN. */
static void *watchdog_main(void *arg) {
    struct watchdog *w = arg;
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += w->seconds;
    pthread_mutex_lock(&w->sender->lock);
    while (!w->sender->round_over) {
        if (pthread_cond_timedwait(&w->sender->changed, &w->sender->lock, &deadline) == ETIMEDOUT) {
            uint64_t one = 1;
            w->fired = 1;
            if (write(w->wake_fd, &one, sizeof one) < 0) {
                /* EAGAIN: a wake-up is already pending */
            }
            break;
        }
    }
    pthread_mutex_unlock(&w->sender->lock);
    return NULL;
}

static uint8_t rx_buffer[MAX_PACKET];
static uint8_t rx_staging[MAX_PACKET];

static void drain(struct device *d) {
    for (int i = 0; i < 1000000 && read(d->fd, rx_buffer, sizeof rx_buffer) > 0; i++) {
        /* discard */
    }
}

static void receive_round(struct device *d, const struct config *c, int sock, int payload,
                          long long *received_out, long long *sent_out, long long *nanos_out, long long *cpu_out,
                          int *cut_out) {
    drain(d);
    struct sender s;
    memset(&s, 0, sizeof s);
    s.sock = sock;
    s.payload = payload;
    s.config = c;
    pthread_mutex_init(&s.lock, NULL);
    pthread_cond_init(&s.changed, NULL);
    atomic_init(&s.stop, 0);
    pthread_t sender_thread, watchdog_thread;
    if (pthread_create(&sender_thread, NULL, sender_main, &s) != 0) {
        die("receive test: cannot start the sender thread");
    }
    struct watchdog w = {&s, d->wake_fd, c->max_seconds + WATCHDOG_SLACK_SECONDS, 0};
    if (pthread_create(&watchdog_thread, NULL, watchdog_main, &w) != 0) {
        die("receive test: cannot start the watchdog thread");
    }

    struct iovec iov[2] = {{rx_buffer, sizeof rx_buffer}, {rx_staging, sizeof rx_staging}};
    struct pollfd p[2] = {{d->fd, POLLIN, 0}, {d->wake_fd, POLLIN, 0}};
    long long received = 0;
    int last_was_empty = 0;
    int woken = 0;
    long long cpu_before = thread_cpu_nanos();
    long long start = now_nanos();
    pthread_mutex_lock(&s.lock);
    s.go = 1;
    pthread_cond_broadcast(&s.changed);
    pthread_mutex_unlock(&s.lock);
    for (;;) {
        if (last_was_empty) {
            /* Look before reading again, as the provider does after an empty read. */
            if (poll(p, 2, -1) < 0) {
                if (errno == EINTR) {
                    continue;
                }
                die("receive test: poll: %s", strerror(errno));
            }
            if (p[1].revents) {
                woken = 1;
                break;
            }
        }
        ssize_t n = readv(d->fd, iov, 2);
        if (n < 0) {
            if (errno == EAGAIN) {
                last_was_empty = 1;
                continue;
            }
            if (errno == EINTR) {
                continue;
            }
            die("receive test: readv: %s", strerror(errno));
        }
        last_was_empty = 0;
        enum kind k = classify(rx_buffer, n, payload);
        if (k == DATA) {
            received++;
        } else if (k == END_MARKER) {
            break;
        }
    }
    *nanos_out = now_nanos() - start;
    *cpu_out = thread_cpu_nanos() - cpu_before;

    atomic_store(&s.stop, 1);
    pthread_mutex_lock(&s.lock);
    s.round_over = 1;
    pthread_cond_broadcast(&s.changed);
    pthread_mutex_unlock(&s.lock);
    pthread_join(sender_thread, NULL);
    pthread_join(watchdog_thread, NULL);
    if (woken) {
        die("receive test: no end marker arrived within %d s%s%s", c->max_seconds + WATCHDOG_SLACK_SECONDS,
            s.failure ? "; the sender failed: " : "", s.failure ? strerror(s.failure) : "");
    }
    if (s.failure) {
        die("receive test: the sender failed: %s", strerror(s.failure));
    }
    pthread_mutex_destroy(&s.lock);
    pthread_cond_destroy(&s.changed);
    *received_out = received;
    *sent_out = s.sent;
    *cut_out = s.cut;
}

static struct row receive_test(struct device *d, const struct config *c, int sock, int payload) {
    long long received, sent, nanos, cpu, all_cpu = 0;
    int cut;
    for (int i = 0; i < c->warmups; i++) {
        receive_round(d, c, sock, payload, &received, &sent, &nanos, &cpu, &cut);
    }
    double rates[32];
    long long all_received = 0, all_sent = 0;
    struct row r = {"recv", payload, LLONG_MAX, 0, 0, 0, 0, 0, 0};
    for (int i = 0; i < c->rounds; i++) {
        receive_round(d, c, sock, payload, &received, &sent, &nanos, &cpu, &cut);
        all_cpu += cpu;
        rates[i] = received * 1e9 / nanos;
        if (received < r.packets) {
            r.packets = received;
        }
        all_received += received;
        all_sent += sent;
        r.cut |= cut;
    }
    summarize(rates, c->rounds, &r);
    r.drop_percent = 100.0 * (double) (all_sent - all_received) / (double) all_sent;
    r.cpu_per_packet = all_received > 0 ? (double) all_cpu / (double) all_received : 0;
    return r;
}

/* ---- main ------------------------------------------------------------------------------------------------- */

int main(int argc, char **argv) {
    struct config c;
    parse_options(argc, argv, &c);
    char why[512];
    if (namespace_problem(why, sizeof why)) {
        printf("refusing to run: %s\n", why);
        return 2;
    }
    /* The whole run is bounded too: SIGALRM's default action ends the process. */
    alarm((unsigned) ((c.warmups + c.rounds) * c.npayloads * 2 * (c.max_seconds + 15) + 60));

    printf("# tappers-bench c: gcc %s -O2, raw system calls\n", __VERSION__);
    printf("# packets per round %lld, warm-up rounds %d, measured rounds %d, max %d s per round, payloads ",
           c.packets, c.warmups, c.rounds, c.max_seconds);
    for (int i = 0; i < c.npayloads; i++) {
        printf("%s%d", i ? "," : "", c.payloads[i]);
    }
    printf("\n");

    struct device d;
    create_tun(&d);
    char self[128], parent[128], ppid[32];
    snprintf(ppid, sizeof ppid, "%d", (int) getppid());
    net_namespace_of("self", self, sizeof self);
    if (!net_namespace_of(ppid, parent, sizeof parent)) {
        snprintf(parent, sizeof parent, "unreadable");
    }
    printf("# device %s 198.18.100.1/24 UP, mtu %d, network namespace %s (parent's %s)\n", d.name, d.mtu, self, parent);
    fflush(stdout);

    struct row rows[2 * MAX_PAYLOADS];
    int nrows = 0;
    long long before = udp_arrived();
    for (int i = 0; i < c.npayloads; i++) {
        rows[nrows++] = send_test(&d, &c, c.payloads[i]);
    }
    long long after = udp_arrived();

    int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (sock < 0) {
        die("socket: %s", strerror(errno));
    }
    struct sockaddr_in peer = {.sin_family = AF_INET, .sin_port = htons(DISCARD_PORT)};
    memcpy(&peer.sin_addr, PEER_ADDRESS, 4);
    if (connect(sock, (struct sockaddr *) &peer, sizeof peer) < 0) {
        die("connect to 198.18.100.2:9: %s", strerror(errno));
    }
    for (int i = 0; i < c.npayloads; i++) {
        rows[nrows++] = receive_test(&d, &c, sock, c.payloads[i]);
    }
    close(sock);
    close(d.fd);
    close(d.wake_fd);

    printf("%s\n", ROW_HEADER);
    for (int i = 0; i < nrows; i++) {
        print_row(&rows[i]);
    }
    printf("# kernel UDP layer saw %lld of the %lld packets the send test wrote (warm-up rounds included)\n",
           after - before, send_written);
    for (int i = 0; i < nrows; i++) {
        print_result(&rows[i]);
    }
    return 0;
}
