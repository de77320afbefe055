// Arrays of objects: fill, update through the array, find the best.
class Item {
  constructor(public name: string, public price: i32, public qty: i32) {}
  total(): i32 {
    return this.price * this.qty;
  }
}
const cart: Item[] = [new Item('pen', 150, 4), new Item('book', 1200, 1), new Item('cup', 600, 2)];
let sum: i32 = 0;
for (const it of cart) sum += it.total();
console.log(sum);
cart[1].qty = 3;
let best: Item = cart[0];
for (let i: i32 = 1; i < cart.length; i++) if (cart[i].total() > best.total()) best = cart[i];
console.log(best.name, best.total());
const more = new Array<Item>(4);
for (let i: i32 = 0; i < more.length; i++) more[i] = new Item('x', i, i + 1);
let t: i32 = 0;
for (const m of more) t += m.total();
console.log(t, more[3].price);
//= 3000
//= book 3600
//= 20 3
