from otter.test_files import test_case

OK_FORMAT = False

name = 'q07_5'
points = 0.6

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
