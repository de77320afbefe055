// Printing strings with punctuation, spaces, escapes and non-ASCII text.
console.log('tabs\tand spaces  inside');
console.log('quote " and apostrophe \'');
console.log('back\\slash');
console.log('two\nlines');
console.log('héllo wörld', 'ünïcödé');
console.log('', 'empty first');
console.log('');
console.log();
//= tabs	and spaces  inside
//= quote " and apostrophe '
//= back\slash
//= two
//= lines
//= héllo wörld ünïcödé
//=  empty first
//= 
//= 
