package resource

// Redis publish/subscribe (go-redis v9, and v8 under its old import
// path): a *PubSub holds a connection of its own, taken out of the pool
// for the subscription, until its Close. Subscribe returns no error, so
// the subscription exists on every path after the call. The Client
// entries reach through interfaces (UniversalClient, a program's own):
// every client hands out a subscription the same way.
var redisKinds = []*Kind{
	{ID: "redisv9.PubSub", Check: "closecheck", Noun: "subscription", Type: "*github.com/redis/go-redis/v9.PubSub",
		Release: []string{"Close"}, ReleaseText: "Close"},
	{ID: "redisv8.PubSub", Check: "closecheck", Noun: "subscription", Type: "*github.com/go-redis/redis/v8.PubSub",
		Release: []string{"Close"}, ReleaseText: "Close"},
}

var redisAcquirers = []Acquirer{
	{Func: "(*github.com/redis/go-redis/v9.Client).Subscribe", Kind: "redisv9.PubSub", Why: "the subscription holds a connection of its own until Close", ThroughInterfaces: true},
	{Func: "(*github.com/redis/go-redis/v9.Client).PSubscribe", Kind: "redisv9.PubSub", Why: "the subscription holds a connection of its own until Close", ThroughInterfaces: true},
	{Func: "(*github.com/redis/go-redis/v9.Client).SSubscribe", Kind: "redisv9.PubSub", Why: "the subscription holds a connection of its own until Close", ThroughInterfaces: true},
	{Func: "(*github.com/redis/go-redis/v9.ClusterClient).Subscribe", Kind: "redisv9.PubSub", Why: "the subscription holds a connection of its own until Close"},
	{Func: "(*github.com/redis/go-redis/v9.ClusterClient).PSubscribe", Kind: "redisv9.PubSub", Why: "the subscription holds a connection of its own until Close"},
	{Func: "(*github.com/redis/go-redis/v9.ClusterClient).SSubscribe", Kind: "redisv9.PubSub", Why: "the subscription holds a connection of its own until Close"},
	{Func: "(*github.com/redis/go-redis/v9.Ring).Subscribe", Kind: "redisv9.PubSub", Why: "the subscription holds a connection of its own until Close"},
	{Func: "(*github.com/redis/go-redis/v9.Ring).PSubscribe", Kind: "redisv9.PubSub", Why: "the subscription holds a connection of its own until Close"},
	{Func: "(*github.com/redis/go-redis/v9.Ring).SSubscribe", Kind: "redisv9.PubSub", Why: "the subscription holds a connection of its own until Close"},
	{Func: "(*github.com/go-redis/redis/v8.Client).Subscribe", Kind: "redisv8.PubSub", Why: "the subscription holds a connection of its own until Close", ThroughInterfaces: true},
	{Func: "(*github.com/go-redis/redis/v8.Client).PSubscribe", Kind: "redisv8.PubSub", Why: "the subscription holds a connection of its own until Close", ThroughInterfaces: true},
	{Func: "(*github.com/go-redis/redis/v8.ClusterClient).Subscribe", Kind: "redisv8.PubSub", Why: "the subscription holds a connection of its own until Close"},
	{Func: "(*github.com/go-redis/redis/v8.ClusterClient).PSubscribe", Kind: "redisv8.PubSub", Why: "the subscription holds a connection of its own until Close"},
	{Func: "(*github.com/go-redis/redis/v8.Ring).Subscribe", Kind: "redisv8.PubSub", Why: "the subscription holds a connection of its own until Close"},
	{Func: "(*github.com/go-redis/redis/v8.Ring).PSubscribe", Kind: "redisv8.PubSub", Why: "the subscription holds a connection of its own until Close"},
}
