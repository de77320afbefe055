; boot/trampoline.asm - the start-up code of the application processors
; (APs). The kernel copies the bytes between ap_trampoline and
; ap_trampoline_end to TRAMPOLINE_ADDR and sends each AP INIT, then start-up
; IPIs with vector TRAMPOLINE_ADDR >> 12: the AP starts here in real mode at
; CS:IP = (TRAMPOLINE_ADDR >> 4):0000. It goes through 32-bit protected
; mode to long mode on the kernel's own page tables (TD_CR3) and jumps to
; the TypeScript entry TD_ENTRY with rsp = TD_STACK and rdi = TD_ARG; from
; there on everything is TypeScript (kernel/smp/ap.ts). The only data it
; reads are in the page at TRAMPOLINE_DATA (layout.inc). Assembled as an
; ELF object by compiler/image/image.ts and linked into the kernel's
; .rodata; position-dependent code for TRAMPOLINE_ADDR (ABS below).
; docs/smp.md, "AP start-up".

%include "layout.inc"

%define ABS(label) (TRAMPOLINE_ADDR + (label) - ap_trampoline)
%define DATA(field) (TRAMPOLINE_DATA + (field))

CR0_PE      equ 1 << 0
CR0_MP      equ 1 << 1
CR0_EM      equ 1 << 2
CR0_WP      equ 1 << 16
CR0_NW      equ 1 << 29
CR0_CD      equ 1 << 30
CR0_PG      equ 1 << 31
CR4_PAE     equ 1 << 5
CR4_OSFXSR  equ 1 << 9
CR4_OSXMM   equ 1 << 10
EFER_MSR    equ 0xC0000080
EFER_LME    equ 1 << 8
EFER_NXE    equ 1 << 11

    section .rodata
    global ap_trampoline
    global ap_trampoline_end

    bits 16
ap_trampoline:
    cli
    cld
    xor ax, ax
    mov ds, ax                          ; flat addresses below 64 KiB
    o32 lgdt [ABS(tgdt_desc)]
    mov eax, cr0
    or eax, CR0_PE
    mov cr0, eax
    jmp dword SEL_CODE32:ABS(protected)

    bits 32
protected:
    mov ax, SEL_DATA
    mov ds, ax
    mov es, ax
    mov ss, ax
    mov eax, cr4
    or eax, CR4_PAE | CR4_OSFXSR | CR4_OSXMM
    mov cr4, eax
    mov eax, [DATA(TD_CR3)]
    mov cr3, eax
    mov ecx, EFER_MSR
    rdmsr
    or eax, EFER_LME | EFER_NXE         ; NXE: the kernel's tables use the NX bit
    wrmsr
    mov eax, cr0
    and eax, ~(CR0_EM | CR0_NW | CR0_CD)
    or eax, CR0_PG | CR0_WP | CR0_MP
    mov cr0, eax
    jmp SEL_CODE64:ABS(long_mode)

    bits 64
long_mode:
    mov ax, SEL_DATA
    mov ds, ax
    mov es, ax
    mov ss, ax
    xor eax, eax
    mov fs, ax
    mov gs, ax
    fninit
    mov rsp, [DATA(TD_STACK)]
    mov rdi, [DATA(TD_ARG)]
    mov rax, [DATA(TD_ENTRY)]
    mov dword [DATA(TD_STARTED)], 1
    xor ebp, ebp                        ; ends the frame-pointer chain
    push rbp                            ; a null return address: rsp as after a call
    jmp rax

    align 8
tgdt:
    dq 0                                ; null
    dq 0x00AF9B000000FFFF               ; SEL_CODE64: 64-bit code (accessed bit set:
    dq 0x00CF93000000FFFF               ; SEL_DATA    the CPU never writes this read-only page)
    dq 0x00CF9B000000FFFF               ; SEL_CODE32
tgdt_end:
tgdt_desc:
    dw tgdt_end - tgdt - 1
    dd ABS(tgdt)
ap_trampoline_end:
