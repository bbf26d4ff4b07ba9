package minhash

import (
	"cmp"
	"slices"
)

// Options bound a clustering.
type Options struct {
	// Rows is the rows per band (see Bands).
	Rows int
	// Linked decides whether two members of one bucket belong together
	// (an estimated similarity over a threshold, or a rule of the
	// caller's); nil links every pair that shares a bucket.
	Linked func(i, j int) bool
	// MaxBucket is the most members of one bucket compared (0: 64). A
	// bucket past it is stock text many sets share (a boilerplate
	// paragraph, a common name): its first MaxBucket members, by index,
	// are compared and the rest are left out of it, so that one bucket
	// cannot make the work quadratic.
	MaxBucket int
}

// DefaultMaxBucket is MaxBucket's default.
const DefaultMaxBucket = 64

// Result is a clustering: the groups of two or more members, each sorted,
// groups in the order of their first member, and how many buckets were cut
// to MaxBucket.
type Result struct {
	Groups   [][]int
	Oversize int
}

// Cluster groups sets by their signatures. Sets are candidates only when
// they share a band (Bands); candidates that Linked accepts are joined,
// and joins are closed transitively with a union-find. Work grows with the
// number of sets times the bands, plus the pairs within buckets, which
// MaxBucket bounds: never all pairs.
func Cluster(sigs []Signature, o Options) Result {
	if o.MaxBucket <= 0 {
		o.MaxBucket = DefaultMaxBucket
	}
	// Buckets are runs of one key in a sorted list of (key, set): one
	// allocation and a sort, where a map of buckets would chase a pointer
	// per member.
	type entry struct {
		key uint64
		set int
	}
	entries := make([]entry, 0, len(sigs)*len(Bands(firstSig(sigs), o.Rows)))
	for i, sig := range sigs {
		for _, k := range Bands(sig, o.Rows) {
			entries = append(entries, entry{k, i})
		}
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if a.key != b.key {
			return cmp.Compare(a.key, b.key)
		}
		return a.set - b.set
	})
	u := NewUnionFind(len(sigs))
	var res Result
	members := make([]int, 0, o.MaxBucket)
	for start := 0; start < len(entries); {
		end := start + 1
		for end < len(entries) && entries[end].key == entries[start].key {
			end++
		}
		if end-start > 1 {
			if end-start > o.MaxBucket {
				res.Oversize++
			}
			members = members[:0]
			for _, e := range entries[start:min(end, start+o.MaxBucket)] {
				members = append(members, e.set)
			}
			LinkBucket(members, u, o.Linked)
		}
		start = end
	}
	res.Groups = u.Groups(2)
	return res
}

// LinkBucket joins the members of one bucket that Linked accepts, skipping
// pairs already joined: within a bucket of n members at most n(n-1)/2
// checks, and far fewer when the bucket is one cluster.
func LinkBucket(members []int, u *UnionFind, linked func(i, j int) bool) {
	for a := 1; a < len(members); a++ {
		for b := range a {
			i, j := members[b], members[a]
			if u.Find(i) == u.Find(j) {
				continue
			}
			if linked == nil || linked(i, j) {
				u.Union(i, j)
			}
		}
	}
}

// UnionFind joins members 0…n-1 into disjoint sets; a set's root is its
// least member, so groups read the same whatever order joins come in.
type UnionFind struct{ parent []int }

// NewUnionFind gives n members, each alone.
func NewUnionFind(n int) *UnionFind {
	u := &UnionFind{parent: make([]int, n)}
	for i := range u.parent {
		u.parent[i] = i
	}
	return u
}

// Find gives the root of i's set.
func (u *UnionFind) Find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

// Union joins the sets of i and j.
func (u *UnionFind) Union(i, j int) {
	ri, rj := u.Find(i), u.Find(j)
	if ri == rj {
		return
	}
	if ri > rj {
		ri, rj = rj, ri
	}
	u.parent[rj] = ri
}

// Groups gives the sets of at least minSize members, each sorted, in the
// order of their least member.
func (u *UnionFind) Groups(minSize int) [][]int {
	byRoot := map[int][]int{}
	var roots []int
	for i := range u.parent {
		r := u.Find(i)
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], i)
	}
	slices.Sort(roots)
	var out [][]int
	for _, r := range roots {
		if len(byRoot[r]) >= minSize {
			out = append(out, byRoot[r])
		}
	}
	return out
}

// firstSig is the first signature, to size the list of band entries.
func firstSig(sigs []Signature) Signature {
	if len(sigs) == 0 {
		return nil
	}
	return sigs[0]
}
