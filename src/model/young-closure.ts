/**
 * How the model stores a closure in an object's property: `p.onStop = youngClosure(() => ...)`.
 *
 * V8's parser marks a function literal assigned straight to a property (`p.onStop = () => ...`) as long-lived,
 * and until the code around it is optimised the closure is allocated in the old generation. Code that runs a few
 * times per replication stays unoptimised for hundreds of replications, and each such closure then keeps its
 * replication's whole object graph alive through every scavenge after the replication ends, until a full
 * collection (docs/benchmarks.md, "Where the time goes"). Passed through a call, the literal is an ordinary young
 * object. A local (`const onStop = () => ...; p.onStop = onStop`) would do as well, except under tsx, whose
 * compiler keeps function names by wrapping every named arrow in a `__name` call that defines the `name`
 * property: measurable when it runs nine times per project. test/model/closure-stores.test.ts keeps engine/ and
 * src/model free of the straight assignment.
 */
export function youngClosure<F extends (...args: never[]) => unknown>(closure: F): F {
  return closure;
}
