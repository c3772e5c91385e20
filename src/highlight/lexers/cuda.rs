//! CUDA: C++ plus CUDA's qualifiers and vector types.

use once_cell::sync::Lazy;

use super::c::{self, Words};
use super::cpp;
use crate::highlight::engine::*;

static WORDS: Lazy<Words> = Lazy::new(|| {
    Words::new(
        &[
            c::C_KEYWORDS,
            cpp::CPP_KEYWORDS,
            "__global__ __device__ __host__ __noinline__ __forceinline__ __constant__ \
             __shared__ __managed__ __restrict__",
        ],
        &[
            c::C_TYPES,
            "bool char1 char2 char3 char4 uchar1 uchar2 uchar3 uchar4 short1 short2 short3 \
             short4 ushort1 ushort2 ushort3 ushort4 int1 int2 int3 int4 uint1 uint2 uint3 uint4 \
             long1 long2 long3 long4 ulong1 ulong2 ulong3 ulong4 longlong1 longlong2 longlong3 \
             longlong4 ulonglong1 ulonglong2 ulonglong3 ulonglong4 float1 float2 float3 float4 \
             double1 double2 double3 double4 dim3",
        ],
        &[c::C_RESERVED, cpp::CPP_RESERVED],
    )
});

fn word(cx: &mut Ctx, m: &Caps) {
    cx.token(WORDS.classify(m.all()), m.all());
}

pub fn def() -> LexerDef {
    cpp::with_words(word)
}
