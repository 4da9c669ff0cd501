;; Records of CSV bytes for csv-scanner.ts, found 64 bytes at a time with SIMD: the
;; delimiters and line feeds outside quoted fields (quotes paired by a prefix XOR of their bit
;; mask, as simdjson and simdcsv do), the line feeds inside them and the doubled quotes. Each
;; record's fields are written as splitRecord would write them (offsets and kinds), with its
;; line count, and the scan stops at the first quote that is not RFC 4180 quoting.
;;
;; records(p, end, stop, delim) reads the records from p (a record start, outside quotes)
;; that end (with a line feed) before end; offsets are relative to the input (`INPUT`).
;; It returns how many records it wrote to the table, 5 words each: the index of the first
;; field, the number of fields, the record's start, its line feeds (the terminating one
;; included) and (blank lines skipped before it) * 2 + (1 if a field is quoted). A field's
;; start, end and kind (0 plain, 1 quoted with nothing to unescape: the span between the
;; quotes, 2 quoted with `""`: the span from the opening quote) are at that index of STARTS,
;; ENDS and KINDS. INFO then holds: the status (0 it reached end; 1 a quote that is not RFC
;; 4180 quoting, in the record at `next`; 2 the table or the fields are nearly full; 3 a record
;; or blank line starts at `stop` or later), `next` (where the record after the last one
;; written starts, or the blank line at stop), and the blank lines skipped since that record.
;; The record at `next` is left to the caller: unfinished at end, cut off by a full table, or
;; holding the quote.
;;
;; Quoting rule checked: a quote that opens a quoted field (by the parity of the quotes before
;; it) must follow a delimiter, a line feed, the start p or a closing quote; a quote that closes
;; one must be followed by a delimiter, a line feed, CR LF, a quote, or the end. Bytes at or
;; past end count as a line feed: a record that runs to end is unfinished and is not written.
;; At least 80 bytes past end must be readable memory (whatever they hold is masked out).
;;
;; The layout is exported as globals for the caller; the code below writes their values as
;; numbers (a load's or store's offset must be a constant): INPUT 196608, STARTS 32768,
;; ENDS 98304, KINDS 163840, TABLE 64 with 20 bytes a record. It stops with status 2 before
;; a 64-byte block could overflow RECORD_CAP or FIELD_CAP (at most 64 records or fields a block).
(module
  (memory (export "memory") 4)
  (global (export "INFO") i32 (i32.const 0))
  (global (export "TABLE") i32 (i32.const 64))
  (global (export "RECORD_CAP") i32 (i32.const 1600))
  (global (export "STARTS") i32 (i32.const 32768))
  (global (export "ENDS") i32 (i32.const 98304))
  (global (export "KINDS") i32 (i32.const 163840))
  (global (export "FIELD_CAP") i32 (i32.const 16384))
  (global (export "INPUT") i32 (i32.const 196608))

  (func (export "records") (param $p i32) (param $end i32) (param $stop i32) (param $delim i32) (result i32)
    (local $o i32) (local $n i32) (local $b i32) (local $pos i32) (local $fe i32)
    (local $s i32) (local $kind i32)
    (local $recStart i32) (local $fieldStart i32) (local $fi i32) (local $nf i32) (local $nl i32)
    (local $quoted i32) (local $doubled i32) (local $blanks i32) (local $rc i32) (local $status i32) (local $t i32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local $vq v128) (local $vd v128) (local $vl v128) (local $vc v128)
    (local $q i64) (local $d i64) (local $l i64) (local $c i64)
    (local $m i64) (local $carry i64) (local $prev i64) (local $valid i64) (local $vsep i64)
    (local $closes i64) (local $sep i64) (local $bad i64) (local $e i64) (local $pairs i64) (local $bit i64)
    (local $nextAllowed i64) (local $nextLF i64) (local $nextQuote i64)
    (local.set $p (i32.add (local.get $p) (i32.const 196608)))
    (local.set $end (i32.add (local.get $end) (i32.const 196608)))
    (local.set $stop (i32.add (local.get $stop) (i32.const 196608)))
    (local.set $vq (i8x16.splat (i32.const 0x22)))
    (local.set $vd (i8x16.splat (local.get $delim)))
    (local.set $vl (i8x16.splat (i32.const 0x0a)))
    (local.set $vc (i8x16.splat (i32.const 0x0d)))
    (local.set $o (local.get $p))
    (local.set $recStart (local.get $p))
    (local.set $fieldStart (local.get $p))
    (local.set $prev (i64.const 1))
    (local.set $carry (i64.const 0))
    (block $finish
      (loop $blocks
        (if (i32.ge_u (local.get $o) (local.get $end))
          (then (local.set $status (i32.const 0)) (br $finish)))
        (if (i32.or (i32.gt_s (local.get $rc) (i32.const 1536)) (i32.gt_s (local.get $fi) (i32.const 16320)))
          (then (local.set $status (i32.const 2)) (br $finish)))
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
        (if (i64.ne (local.get $bad) (i64.const 0))
          (then
            ;; Only what comes before the first irregular quote counts.
            (local.set $e (i64.and (local.get $e)
              (i64.sub (i64.shl (i64.const 1) (i64.ctz (local.get $bad))) (i64.const 1))))))
        (block $eventsDone
          (loop $events
            (br_if $eventsDone (i64.eqz (local.get $e)))
            (local.set $bit (i64.and (local.get $e) (i64.sub (i64.const 0) (local.get $e))))
            (local.set $pos (i32.add (local.get $o) (i32.wrap_i64 (i64.ctz (local.get $e)))))
            (local.set $e (i64.xor (local.get $e) (local.get $bit)))
            (if (i64.ne (i64.and (local.get $l) (local.get $bit)) (i64.const 0))
              (then
                (if (i64.ne (i64.and (local.get $m) (local.get $bit)) (i64.const 0))
                  (then
                    ;; A line feed inside a quoted field.
                    (local.set $nl (i32.add (local.get $nl) (i32.const 1)))
                    (br $events)))
                (if (i32.and (i32.eqz (local.get $nf))
                      (i32.or (i32.eq (local.get $pos) (local.get $recStart))
                        (i32.and (i32.eq (local.get $pos) (i32.add (local.get $recStart) (i32.const 1)))
                          (i32.eq (i32.load8_u (local.get $recStart)) (i32.const 0x0d)))))
                  (then
                    ;; A blank line: counted, not a record.
                    (local.set $blanks (i32.add (local.get $blanks) (i32.const 1)))
                    (local.set $recStart (i32.add (local.get $pos) (i32.const 1)))
                    (local.set $fieldStart (local.get $recStart))
                    (if (i32.ge_u (local.get $recStart) (local.get $stop))
                      (then (local.set $status (i32.const 3)) (br $finish)))
                    (br $events)))
                ;; The record's last field (a CR before the line feed is the line ending's).
                (local.set $fe (local.get $pos))
                (if (i32.and (i32.gt_u (local.get $fe) (local.get $fieldStart))
                      (i32.eq (i32.load8_u offset=0 (i32.sub (local.get $fe) (i32.const 1))) (i32.const 0x0d)))
                  (then (local.set $fe (i32.sub (local.get $fe) (i32.const 1))))))
              (else
                (if (i64.ne (i64.and (local.get $pairs) (local.get $bit)) (i64.const 0))
                  (then
                    (local.set $doubled (i32.const 1))
                    (br $events)))
                ;; A delimiter ends a field.
                (local.set $fe (local.get $pos))))
            ;; The field [fieldStart, fe): its offsets and kind.
            (if (i32.eq (i32.load8_u (local.get $fieldStart)) (i32.const 0x22))
              (then
                (local.set $quoted (i32.const 1))
                (if (local.get $doubled)
                  (then
                    (local.set $s (local.get $fieldStart))
                    (local.set $kind (i32.const 2)))
                  (else
                    (local.set $s (i32.add (local.get $fieldStart) (i32.const 1)))
                    (local.set $fe (i32.sub (local.get $fe) (i32.const 1)))
                    (local.set $kind (i32.const 1)))))
              (else
                (local.set $s (local.get $fieldStart))
                (local.set $kind (i32.const 0))))
            (i32.store offset=32768 (i32.shl (local.get $fi) (i32.const 2)) (i32.sub (local.get $s) (i32.const 196608)))
            (i32.store offset=98304 (i32.shl (local.get $fi) (i32.const 2)) (i32.sub (local.get $fe) (i32.const 196608)))
            (i32.store8 offset=163840 (local.get $fi) (local.get $kind))
            (local.set $fi (i32.add (local.get $fi) (i32.const 1)))
            (local.set $nf (i32.add (local.get $nf) (i32.const 1)))
            (local.set $doubled (i32.const 0))
            (local.set $fieldStart (i32.add (local.get $pos) (i32.const 1)))
            (if (i64.ne (i64.and (local.get $l) (local.get $bit)) (i64.const 0))
              (then
                ;; The line feed ends the record.
                (local.set $t (i32.add (i32.const 64) (i32.mul (local.get $rc) (i32.const 20))))
                (i32.store offset=0 (local.get $t) (i32.sub (local.get $fi) (local.get $nf)))
                (i32.store offset=4 (local.get $t) (local.get $nf))
                (i32.store offset=8 (local.get $t) (i32.sub (local.get $recStart) (i32.const 196608)))
                (i32.store offset=12 (local.get $t) (i32.add (local.get $nl) (i32.const 1)))
                (i32.store offset=16 (local.get $t) (i32.or (i32.shl (local.get $blanks) (i32.const 1)) (local.get $quoted)))
                (local.set $rc (i32.add (local.get $rc) (i32.const 1)))
                (local.set $nf (i32.const 0))
                (local.set $nl (i32.const 0))
                (local.set $quoted (i32.const 0))
                (local.set $blanks (i32.const 0))
                (local.set $recStart (local.get $fieldStart))
                (if (i32.ge_u (local.get $recStart) (local.get $stop))
                  (then (local.set $status (i32.const 3)) (br $finish)))))
            (br $events)))
        (if (i64.ne (local.get $bad) (i64.const 0))
          (then (local.set $status (i32.const 1)) (br $finish)))
        (local.set $o (i32.add (local.get $o) (i32.const 64)))
        (br $blocks)))
    (i32.store offset=0 (i32.const 0) (local.get $status))
    (i32.store offset=4 (i32.const 0) (i32.sub (local.get $recStart) (i32.const 196608)))
    (i32.store offset=8 (i32.const 0) (local.get $blanks))
    (local.get $rc))
)
