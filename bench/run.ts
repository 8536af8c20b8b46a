// `npm run bench`: throughput of each capability as a ratio against a reference run in the same process.
console.log('bench: no capabilities registered yet');
