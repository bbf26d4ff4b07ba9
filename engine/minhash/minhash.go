// Package minhash finds near-duplicate sets among many without comparing
// every pair: MinHash signatures estimate the Jaccard similarity of two
// sets (of word shingles, of names) from a fixed number of hashes, and
// locality-sensitive hashing puts sets whose signatures agree on a whole
// band of rows in one bucket, so that only sets sharing a bucket are ever
// compared. The same mechanics serve story mode in one process (Cluster)
// and the archive pipeline, which groups the bands by key on a cluster
// (Bands, Similarity) instead of in a map.
package minhash

import (
	"encoding/binary"
	"hash/fnv"
	"slices"
)

// Signature is a set's MinHash signature: for each of the signer's hash
// functions, the least hash of any member. Two sets agree at one position
// with probability equal to their Jaccard similarity.
type Signature []uint64

// Signer makes signatures of one length with one family of hash
// functions; signatures from signers of other lengths or seeds do not
// compare.
type Signer struct{ seeds []uint64 }

// NewSigner gives a signer of k hash functions drawn from seed.
func NewSigner(k int, seed uint64) *Signer {
	s := &Signer{seeds: make([]uint64, k)}
	x := seed
	for i := range s.seeds {
		x = mix(x + 0x9e3779b97f4a7c15)
		s.seeds[i] = x
	}
	return s
}

// mix is splitmix64's finaliser: a cheap bijection whose output bits each
// depend on every input bit, so that x^seed under it behaves as an
// independent hash function per seed.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Sign gives the signature of a set of hashed features; an empty set has
// a signature of all ones, which agrees with no other set's.
func (s *Signer) Sign(features []uint64) Signature {
	sig := make(Signature, len(s.seeds))
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for _, f := range features {
		for i, seed := range s.seeds {
			if h := mix(f ^ seed); h < sig[i] {
				sig[i] = h
			}
		}
	}
	return sig
}

// Similarity estimates the Jaccard similarity of the two sets: the share
// of positions where their signatures agree.
func Similarity(a, b Signature) float64 {
	n := min(len(a), len(b))
	if n == 0 {
		return 0
	}
	same := 0
	for i := range n {
		if a[i] == b[i] && a[i] != ^uint64(0) {
			same++
		}
	}
	return float64(same) / float64(n)
}

// Bands cuts a signature into bands of rows positions and gives one key
// per band, the band's number hashed with its rows: two signatures share
// a key exactly when they agree on a whole band. With b bands of r rows, a
// pair of similarity j shares a band with probability 1-(1-j^r)^b, the
// S-curve that sets the threshold near (1/b)^(1/r). An empty set's
// signature gives no keys.
func Bands(sig Signature, rows int) []uint64 {
	if rows < 1 || len(sig) == 0 || sig[0] == ^uint64(0) {
		return nil
	}
	var keys []uint64
	var buf [8]byte
	for b := 0; b+rows <= len(sig); b += rows {
		h := fnv.New64a()
		binary.LittleEndian.PutUint64(buf[:], uint64(b/rows))
		h.Write(buf[:])
		for _, v := range sig[b : b+rows] {
			binary.LittleEndian.PutUint64(buf[:], v)
			h.Write(buf[:])
		}
		keys = append(keys, h.Sum64())
	}
	return keys
}

// Shingles gives the distinct hashed runs of n words, sorted; a text of
// fewer than n words gives its words as one run.
func Shingles(words []string, n int) []uint64 {
	if len(words) == 0 || n < 1 {
		return nil
	}
	n = min(n, len(words))
	out := make([]uint64, 0, len(words)-n+1)
	for i := 0; i+n <= len(words); i++ {
		h := fnv.New64a()
		for _, w := range words[i : i+n] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		out = append(out, h.Sum64())
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Hash gives the feature of one string (a name, a key), for sets that are
// not word runs.
func Hash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}
