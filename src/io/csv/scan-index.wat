;; Structural index of CSV bytes for csv-scanner.ts: finds, 64 bytes at a time with SIMD, the
;; delimiters and line feeds outside quoted fields, the line feeds inside them and the doubled
;; quotes, and stops at the first quote that is not RFC 4180 quoting.
;;
;; Memory: entries are written from address 0 (cap of them); the input bytes live higher up,
;; with at least 80 bytes readable past `end` (whatever they hold is masked out).
;;
;; index(p, end, delim, base, cap) indexes the bytes from p (a record start, outside quotes)
;; to end and returns the number of entries written. Each entry is ((pos - base) << 2) | tag:
;;   0  a delimiter outside quotes
;;   1  a line feed outside quotes (ends a record)
;;   2  a closing quote followed by a quote: `""` inside a quoted field
;;   3  a line feed inside a quoted field
;; `status` then says why it stopped: 0 it reached end; 1 the quote at `at` is not RFC 4180
;; quoting (entries stop before it); 2 the entries are nearly cap (it stopped at `at`, a
;; multiple of 64 bytes from p).
;;
;; Quoting rule checked: a quote that opens a quoted field (by the parity of the quotes before
;; it) must follow a delimiter, a line feed, the start p or a closing quote; a quote that closes
;; one must be followed by a delimiter, a line feed, CR LF, a quote, or the end. Bytes at or
;; past end count as a line feed: a record that runs to end is unfinished, and the caller
;; never takes it from these entries.
(module
  (memory (export "memory") 2)
  (global $status (export "status") (mut i32) (i32.const 0))
  (global $at (export "at") (mut i32) (i32.const 0))

  (func (export "index") (param $p i32) (param $end i32) (param $delim i32) (param $base i32) (param $cap i32) (result i32)
    (local $o i32) (local $k i32) (local $n i32) (local $b i32) (local $i i32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local $vq v128) (local $vd v128) (local $vl v128) (local $vc v128)
    (local $q i64) (local $d i64) (local $l i64) (local $c i64)
    (local $m i64) (local $carry i64) (local $prev i64) (local $valid i64) (local $vsep i64)
    (local $closes i64) (local $sep i64) (local $bad i64) (local $e i64) (local $tq i64) (local $pairs i64)
    (local $nextAllowed i64) (local $nextLF i64) (local $nextQuote i64)
    (local.set $vq (i8x16.splat (i32.const 0x22)))
    (local.set $vd (i8x16.splat (local.get $delim)))
    (local.set $vl (i8x16.splat (i32.const 0x0a)))
    (local.set $vc (i8x16.splat (i32.const 0x0d)))
    (local.set $o (local.get $p))
    (local.set $prev (i64.const 1))
    (local.set $carry (i64.const 0))
    (block $done
      (loop $blocks
        (if (i32.ge_u (local.get $o) (local.get $end))
          (then (global.set $status (i32.const 0)) (br $done)))
        (if (i32.gt_s (local.get $k) (i32.sub (local.get $cap) (i32.const 64)))
          (then (global.set $status (i32.const 2)) (global.set $at (local.get $o)) (br $done)))
        (local.set $v0 (v128.load (local.get $o)))
        (local.set $v1 (v128.load offset=16 (local.get $o)))
        (local.set $v2 (v128.load offset=32 (local.get $o)))
        (local.set $v3 (v128.load offset=48 (local.get $o)))
        (local.set $q (i64.or
          (i64.or
            (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v0) (local.get $vq))))
            (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v1) (local.get $vq)))) (i64.const 16)))
          (i64.or
            (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v2) (local.get $vq)))) (i64.const 32))
            (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v3) (local.get $vq)))) (i64.const 48)))))
        (local.set $d (i64.or
          (i64.or
            (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v0) (local.get $vd))))
            (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v1) (local.get $vd)))) (i64.const 16)))
          (i64.or
            (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v2) (local.get $vd)))) (i64.const 32))
            (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v3) (local.get $vd)))) (i64.const 48)))))
        (local.set $l (i64.or
          (i64.or
            (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v0) (local.get $vl))))
            (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v1) (local.get $vl)))) (i64.const 16)))
          (i64.or
            (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v2) (local.get $vl)))) (i64.const 32))
            (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v3) (local.get $vl)))) (i64.const 48)))))
        (local.set $c (i64.or
          (i64.or
            (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v0) (local.get $vc))))
            (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v1) (local.get $vc)))) (i64.const 16)))
          (i64.or
            (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v2) (local.get $vc)))) (i64.const 32))
            (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v3) (local.get $vc)))) (i64.const 48)))))
        (local.set $n (i32.sub (local.get $end) (local.get $o)))
        (if (i32.lt_u (local.get $n) (i32.const 64))
          (then
            ;; A last, partial block: bytes from end on are not input; end acts as a line feed.
            (local.set $vsep (i64.shl (i64.const 1) (i64.extend_i32_u (local.get $n))))
            (local.set $valid (i64.sub (local.get $vsep) (i64.const 1)))
            (local.set $q (i64.and (local.get $q) (local.get $valid)))
            (local.set $d (i64.and (local.get $d) (local.get $valid)))
            (local.set $l (i64.and (local.get $l) (local.get $valid)))
            (local.set $c (i64.and (local.get $c) (local.get $valid)))
            (local.set $nextAllowed (i64.const 1))
            (local.set $nextLF (i64.const 1))
            (local.set $nextQuote (i64.const 0)))
          (else
            (local.set $vsep (i64.const 0))
            (if (i32.eq (local.get $n) (i32.const 64))
              (then
                (local.set $nextAllowed (i64.const 1))
                (local.set $nextLF (i64.const 1))
                (local.set $nextQuote (i64.const 0)))
              (else
                ;; The byte after the block, for a closing quote or a CR in its last place.
                (local.set $b (i32.load8_u offset=64 (local.get $o)))
                (local.set $nextQuote (i64.extend_i32_u (i32.eq (local.get $b) (i32.const 0x22))))
                (local.set $nextLF (i64.extend_i32_u (i32.eq (local.get $b) (i32.const 0x0a))))
                (local.set $nextAllowed (i64.extend_i32_u (i32.or
                  (i32.or (i32.eq (local.get $b) (local.get $delim)) (i32.eq (local.get $b) (i32.const 0x0a)))
                  (i32.or (i32.eq (local.get $b) (i32.const 0x22))
                    (i32.and (i32.eq (local.get $b) (i32.const 0x0d))
                      (i32.or (i32.le_u (local.get $n) (i32.const 65))
                        (i32.eq (i32.load8_u offset=65 (local.get $o)) (i32.const 0x0a))))))))))))
        ;; m: 1 from an opening quote up to (not including) its closing quote.
        (local.set $m (local.get $q))
        (local.set $m (i64.xor (local.get $m) (i64.shl (local.get $m) (i64.const 1))))
        (local.set $m (i64.xor (local.get $m) (i64.shl (local.get $m) (i64.const 2))))
        (local.set $m (i64.xor (local.get $m) (i64.shl (local.get $m) (i64.const 4))))
        (local.set $m (i64.xor (local.get $m) (i64.shl (local.get $m) (i64.const 8))))
        (local.set $m (i64.xor (local.get $m) (i64.shl (local.get $m) (i64.const 16))))
        (local.set $m (i64.xor (local.get $m) (i64.shl (local.get $m) (i64.const 32))))
        (local.set $m (i64.xor (local.get $m) (local.get $carry)))
        (local.set $carry (i64.shr_s (local.get $m) (i64.const 63)))
        (local.set $closes (i64.and (local.get $q) (i64.xor (local.get $m) (i64.const -1))))
        (local.set $sep (i64.or (local.get $d) (local.get $l)))
        ;; Opening quotes not after a delimiter, a line feed, the start or a closing quote.
        (local.set $bad (i64.and (i64.and (local.get $q) (local.get $m))
          (i64.xor (i64.or (i64.shl (i64.or (local.get $sep) (local.get $closes)) (i64.const 1)) (local.get $prev)) (i64.const -1))))
        (local.set $prev (i64.shr_u (i64.or (local.get $sep) (local.get $closes)) (i64.const 63)))
        ;; Closing quotes not followed by a delimiter, a line feed, CR LF, a quote or the end.
        (local.set $bad (i64.or (local.get $bad) (i64.and (local.get $closes) (i64.xor (i64.const -1)
          (i64.or
            (i64.shr_u
              (i64.or (i64.or (local.get $sep) (local.get $q))
                (i64.or (local.get $vsep)
                  (i64.and (local.get $c)
                    (i64.or (i64.shr_u (i64.or (local.get $l) (local.get $vsep)) (i64.const 1))
                      (i64.shl (local.get $nextLF) (i64.const 63))))))
              (i64.const 1))
            (i64.shl (local.get $nextAllowed) (i64.const 63)))))))
        (local.set $pairs (i64.and (local.get $closes)
          (i64.or (i64.shr_u (local.get $q) (i64.const 1)) (i64.shl (local.get $nextQuote) (i64.const 63)))))
        (local.set $e (i64.or (i64.or (i64.and (local.get $d) (i64.xor (local.get $m) (i64.const -1))) (local.get $l)) (local.get $pairs)))
        (local.set $tq (i64.or (i64.and (local.get $l) (local.get $m)) (local.get $pairs)))
        (if (i64.ne (local.get $bad) (i64.const 0))
          (then
            (local.set $i (i32.wrap_i64 (i64.ctz (local.get $bad))))
            (local.set $e (i64.and (local.get $e) (i64.sub (i64.shl (i64.const 1) (i64.extend_i32_u (local.get $i))) (i64.const 1))))
            (global.set $status (i32.const 1))
            (global.set $at (i32.add (local.get $o) (local.get $i)))))
        (block $emitted
          (loop $emit
            (br_if $emitted (i64.eqz (local.get $e)))
            (local.set $i (i32.wrap_i64 (i64.ctz (local.get $e))))
            (i32.store (i32.shl (local.get $k) (i32.const 2))
              (i32.or
                (i32.shl (i32.sub (i32.add (local.get $o) (local.get $i)) (local.get $base)) (i32.const 2))
                (i32.or
                  (i32.wrap_i64 (i64.and (i64.shr_u (local.get $l) (i64.extend_i32_u (local.get $i))) (i64.const 1)))
                  (i32.shl (i32.wrap_i64 (i64.and (i64.shr_u (local.get $tq) (i64.extend_i32_u (local.get $i))) (i64.const 1))) (i32.const 1)))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (local.set $e (i64.and (local.get $e) (i64.sub (local.get $e) (i64.const 1))))
            (br $emit)))
        (br_if $done (i64.ne (local.get $bad) (i64.const 0)))
        (local.set $o (i32.add (local.get $o) (i32.const 64)))
        (br $blocks)))
    (local.get $k))
)
