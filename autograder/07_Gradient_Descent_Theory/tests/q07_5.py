from otter.test_files import test_case

OK_FORMAT = False

name = 'q07_5'
points = 2.0

@test_case(points=0.6, hidden=False)
def test_q07_5_partition_property(minibatch_indices):
    import numpy as np
    from aimath import checks as C

    for n, bs in [(10, 3), (12, 4), (7, 10), (1, 1)]:
        batches = C.call_student(minibatch_indices, n, bs, np.random.default_rng(2024))
        if not isinstance(batches, list) or not all(isinstance(b, np.ndarray) for b in batches):
            C.fail("return a list of NumPy arrays")
        if any(b.ndim != 1 or b.dtype.kind not in "iu" for b in batches):
            C.fail("each batch must be a 1-D integer array")
        sizes = [len(b) for b in batches]
        expected_sizes = [bs] * (n // bs) + ([n % bs] if n % bs else [])
        if sizes != expected_sizes:
            C.fail(f"n = {n}, batch_size = {bs}: batch sizes {sizes}, expected {expected_sizes}")
        if sorted(np.concatenate(batches).tolist()) != list(range(n)):
            C.fail(f"n = {n}: the batches must contain every index 0..n-1 exactly once")


@test_case(points=0.6, hidden=True)
def test_q07_5_protocol_vs_reference(minibatch_indices):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    seeds = [int(s) for s in C.spawn_rngs("07.5-protocol", 1)[0].integers(0, 2**31, 4)]
    for k, (seed, (n, bs)) in enumerate(zip(seeds, [(100, 16), (37, 5), (64, 8), (250, 32)])):
        out = C.call_student(minibatch_indices, n, bs, np.random.default_rng(seed))
        expected = ref.minibatch_indices(n, bs, np.random.default_rng(seed))
        if not isinstance(out, list) or len(out) != len(expected):
            C.fail(f"case {k + 1}: wrong number of batches")
        for i, (b, e) in enumerate(zip(out, expected)):
            b = np.asarray(b)
            if b.shape != e.shape or b.dtype.kind not in "iu" or not np.array_equal(b, e):
                C.fail(f"case {k + 1}, batch {i + 1}: indices differ from rng.permutation(n) cut in order "
                       "(call rng.permutation(n) exactly once, and nothing else on rng)")


@test_case(points=0.4, hidden=True)
def test_q07_5_edge_cases_vs_reference(minibatch_indices):
    import numpy as np
    from aimath import checks as C

    ref = C.reference()
    for k, (n, bs) in enumerate([(48, 12), (5, 9), (1, 3), (9, 1)]):
        out = C.call_student(minibatch_indices, n, bs, np.random.default_rng(100 + k))
        expected = ref.minibatch_indices(n, bs, np.random.default_rng(100 + k))
        if not isinstance(out, list) or len(out) != len(expected):
            C.fail(f"edge case {k + 1}: wrong number of batches")
        for b, e in zip(out, expected):
            b = np.asarray(b)
            if b.shape != e.shape or b.dtype.kind not in "iu" or not np.array_equal(b, e):
                C.fail(f"edge case {k + 1}: batches differ from the pinned protocol")


@test_case(points=0.4, hidden=True)
def test_q07_5_partition_edge_cases(minibatch_indices):
    import numpy as np
    from aimath import checks as C

    for k, (n, bs) in enumerate([(30, 6), (23, 50), (1, 1), (101, 10), (17, 4)]):
        batches = C.call_student(minibatch_indices, n, bs, np.random.default_rng(7 * k + 1),
                                 check_global_rng=True)
        if not isinstance(batches, list) or not batches:
            C.fail(f"edge case {k + 1}: return a non-empty list of arrays")
        sizes = [len(np.asarray(b)) for b in batches]
        expected_sizes = [bs] * (n // bs) + ([n % bs] if n % bs else [])
        if sizes != expected_sizes:
            C.fail(f"edge case {k + 1}: wrong batch sizes (every batch is full except possibly the last)")
        if sorted(np.concatenate([np.asarray(b) for b in batches]).tolist()) != list(range(n)):
            C.fail(f"edge case {k + 1}: the batches must partition 0..n-1 (no repeats, nothing dropped)")
